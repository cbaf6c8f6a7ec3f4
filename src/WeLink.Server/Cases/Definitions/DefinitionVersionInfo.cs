namespace WeLink.Server.Cases.Definitions;

/// <summary>One definition version a brand sees, and where it came from; shipped versions have no publisher.</summary>
public sealed record DefinitionVersionInfo(string Key, int Version, string Title, DefinitionOrigin Origin, DateTimeOffset? PublishedAt, string? PublishedBy);
