namespace WeLink.Workflow.Parameters;

/// <summary>Either the resolved parameters or every error found; never both.</summary>
public sealed record ParameterResolution(ResolvedParameters? Parameters, IReadOnlyList<ParameterError> Errors)
{
    public bool Succeeded => Parameters is not null;
}
