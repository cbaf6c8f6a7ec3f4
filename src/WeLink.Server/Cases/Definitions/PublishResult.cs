using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Definitions;

/// <summary><see cref="DefinitionPublished"/>, <see cref="DefinitionRejected"/> or <see cref="DefinitionStale"/>.</summary>
public abstract record PublishResult;

public sealed record DefinitionPublished(string Key, int Version) : PublishResult;

/// <summary>Every problem found, each with the JSON path it concerns.</summary>
public sealed record DefinitionRejected(IReadOnlyList<DefinitionProblem> Problems) : PublishResult;

/// <summary>The brand's current version is no longer the one the publisher expected; nothing was stored.</summary>
public sealed record DefinitionStale(string Key, int CurrentVersion) : PublishResult;
