using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Admin;

/// <summary>How a parameter change ended: not found (unknown key, or a tenant out of reach), refused with every error, or saved.</summary>
public sealed record ParameterChange(bool Found, IReadOnlyList<ParameterError> Errors, DefinitionParametersResponse? Parameters)
{
    public static ParameterChange NotFound { get; } = new(false, [], null);
}
