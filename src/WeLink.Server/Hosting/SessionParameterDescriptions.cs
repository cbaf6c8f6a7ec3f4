using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WeLink.Server.Hosting;

/// <summary>
/// The generated request delegates (see WeLink.Server.csproj) describe a session type bound inside an <c>[AsParameters]</c>
/// record as a request body of type <see cref="void"/>, which the OpenAPI document cannot describe (it answered 500).
/// No request body is ever <see cref="void"/>: such descriptions are dropped once every provider has run.
/// </summary>
internal sealed class SessionParameterDescriptions : IApiDescriptionProvider
{
    /// <summary>After the endpoints' own provider (order -1100) and the MVC one (-1000).</summary>
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var description in context.Results)
        {
            var parameters = description.ParameterDescriptions;
            for (var i = parameters.Count - 1; i >= 0; i--)
            {
                if (parameters[i].Source == BindingSource.Body && parameters[i].Type == typeof(void))
                {
                    parameters.RemoveAt(i);
                }
            }
        }
    }
}
