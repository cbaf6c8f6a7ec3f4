using System.Text.Json;
using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Parameters;

/// <param name="Type">The declared type.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="Value">A JSON number, true/false, or an ISO-8601 duration string.</param>
public sealed record ResolvedParameter(ParameterType Type, ParameterSource Source, JsonElement Value);
