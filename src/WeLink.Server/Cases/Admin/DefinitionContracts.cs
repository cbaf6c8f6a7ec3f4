using System.Text.Json.Nodes;
using WeLink.Server.Cases.Definitions;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Cases.Admin;

/// <summary>A definition key the brand can run: the version new cases start on, and every version it sees.</summary>
public sealed record DefinitionListItem(string Key, string Title, int CurrentVersion, IReadOnlyList<DefinitionVersionItem> Versions);

public sealed record DefinitionVersionItem(int Version, string Title, DefinitionOrigin Origin, bool Current, DateTimeOffset? PublishedAt, string? PublishedBy);

/// <summary>
/// A new version of a definition. <see cref="ExpectedCurrentVersion"/> is the version the publisher last saw as current
/// (0 when the brand has none yet); a stale one answers 409 and nothing is stored, so a double click publishes once.
/// </summary>
public sealed record PublishDefinitionRequest(int? ExpectedCurrentVersion, JsonObject? Definition);

public sealed record PublishDefinitionResponse(string Key, int Version);

/// <summary>
/// A definition's parameters as one brand (and, on a dealer's route, one dealer) has them. After HQ saves settings,
/// <see cref="RemovedDealerValues"/> lists the dealer values they no longer allow and that were removed (empty otherwise).
/// </summary>
public sealed record DefinitionParametersResponse(string Key, int Version, IReadOnlyList<ParameterView> Parameters, IReadOnlyList<RemovedDealerValue> RemovedDealerValues);

/// <summary>
/// One parameter: what the definition declares (<see cref="Default"/> within <see cref="Min"/>..<see cref="Max"/>), HQ's value,
/// whether HQ locked it for dealers and the bounds it gave dealers, the dealer's value (dealer routes only) and the value a new case gets.
/// </summary>
public sealed record ParameterView(
    string Name,
    ParameterType Type,
    string? Description,
    JsonNode? Default,
    JsonNode? Min,
    JsonNode? Max,
    JsonNode? HqValue,
    bool Locked,
    JsonNode? DealerMin,
    JsonNode? DealerMax,
    JsonNode? DealerValue,
    JsonNode? Value);

/// <summary>
/// HQ's settings for the brand; replaces all of them (a parameter left out falls back to the definition's default, locked).
/// </summary>
public sealed record SetBrandParametersRequest(IReadOnlyDictionary<string, BrandParameterInput>? Parameters);

/// <param name="Value">HQ's value; null keeps the definition's default.</param>
/// <param name="Locked">Dealers may not override it; locked unless this says false.</param>
/// <param name="DealerMin">Narrower lower bound for dealers, inside the definition's.</param>
/// <param name="DealerMax">Narrower upper bound for dealers, inside the definition's.</param>
public sealed record BrandParameterInput(JsonNode? Value, bool? Locked, JsonNode? DealerMin, JsonNode? DealerMax);

/// <summary>The dealer's values; replaces all of them (a parameter left out takes HQ's value).</summary>
public sealed record SetDealerParametersRequest(IReadOnlyDictionary<string, JsonNode?>? Values);
