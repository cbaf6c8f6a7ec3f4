namespace WeLink.Workflow.Definitions;

/// <summary>One thing wrong with a definition; <see cref="Path"/> points into its JSON form, e.g. <c>transitions[3].to</c>.</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
