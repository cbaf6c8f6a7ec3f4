using System.Text.Json.Nodes;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Definitions;

/// <summary>Either every error in HQ's settings (nothing saved), or the dealer values the saved settings pushed out.</summary>
public sealed record BrandSettingsChange(IReadOnlyList<ParameterError> Errors, IReadOnlyList<RemovedDealerValue> Removed);

/// <summary>A dealer's value HQ's new settings no longer allow; the dealer's cases take HQ's value instead.</summary>
public sealed record RemovedDealerValue(Guid DealerId, string Parameter, JsonNode? Value);

/// <summary>A stored setting that would not resolve against a candidate definition: HQ's (<see cref="DealerId"/> null) or a dealer's.</summary>
public sealed record SettingConflict(Guid? DealerId, ParameterError Error);
