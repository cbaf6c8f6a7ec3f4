using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Definitions;

/// <summary><see cref="DefinitionPublished"/> or <see cref="DefinitionRejected"/>.</summary>
public abstract record PublishResult;

public sealed record DefinitionPublished(string Key, int Version) : PublishResult;

/// <summary>Every problem found, each with the JSON path it concerns.</summary>
public sealed record DefinitionRejected(IReadOnlyList<DefinitionProblem> Problems) : PublishResult;
