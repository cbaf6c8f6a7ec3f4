using System.Text.Json.Nodes;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Definitions;

/// <summary>What is stored for one definition key: HQ's settings for the brand and one dealer's overrides (empty when none).</summary>
public sealed record ParameterSettings(IReadOnlyDictionary<string, BrandParameterSetting> Brand, IReadOnlyDictionary<string, JsonNode?> Dealer);
