using System.Text.Json.Nodes;

namespace WeLink.Workflow.Parameters;

/// <summary>
/// HQ's choice for one parameter of a definition, for all dealers of the brand.
/// </summary>
/// <param name="Value">The brand's value; null keeps the definition's default.</param>
/// <param name="DealerAdjustable">Whether a dealer may override the value.</param>
/// <param name="DealerMin">Optional lower bound for dealers, inside the definition's bounds.</param>
/// <param name="DealerMax">Optional upper bound for dealers, inside the definition's bounds.</param>
public sealed record BrandParameterSetting(JsonNode? Value, bool DealerAdjustable = false, JsonNode? DealerMin = null, JsonNode? DealerMax = null);
