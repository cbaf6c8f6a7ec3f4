namespace WeLink.Workflow.Parameters;

/// <param name="Parameter">The parameter's name.</param>
/// <param name="Source">Whose setting is wrong: the brand's or the dealer's (or the definition's default).</param>
/// <param name="Code">What is wrong, for code.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record ParameterError(string Parameter, ParameterSource Source, ParameterErrorCode Code, string Message)
{
    public override string ToString() => $"{Source} {Parameter}: {Message}";
}
