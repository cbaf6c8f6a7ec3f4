using System.Text.Json.Nodes;
using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Parameters;

/// <summary>
/// Definition default, overridden by brand HQ, overridden by the dealer where HQ allows it, each checked against its bounds.
/// </summary>
public static class ParameterResolver
{
    public static ParameterResolution Resolve(
        WorkflowDefinition definition,
        IReadOnlyDictionary<string, BrandParameterSetting> brandSettings,
        IReadOnlyDictionary<string, JsonNode?> dealerOverrides)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(brandSettings);
        ArgumentNullException.ThrowIfNull(dealerOverrides);

        var declared = definition.Parameters
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var errors = new List<ParameterError>();
        ReportUnknown(brandSettings.Keys, declared, ParameterSource.Brand, errors);
        ReportUnknown(dealerOverrides.Keys, declared, ParameterSource.Dealer, errors);

        var values = new Dictionary<string, ResolvedParameter>(StringComparer.Ordinal);
        foreach (var parameter in declared.Values)
        {
            var bounds = new Bounds(parameter.Min, parameter.Max);
            var resolved = Accept(parameter, ParameterSource.Default, parameter.Default, bounds, errors);
            brandSettings.TryGetValue(parameter.Name, out var brand);
            if (brand is not null)
            {
                if (brand.Value is not null)
                {
                    resolved = Accept(parameter, ParameterSource.Brand, brand.Value, bounds, errors) ?? resolved;
                }

                bounds = DealerBounds(parameter, brand, bounds, errors);
            }

            if (dealerOverrides.TryGetValue(parameter.Name, out var dealerValue))
            {
                if (brand is not { DealerAdjustable: true })
                {
                    errors.Add(new(parameter.Name, ParameterSource.Dealer, ParameterErrorCode.LockedForDealer, $"'{parameter.Name}' is not adjustable by dealers"));
                }
                else
                {
                    resolved = Accept(parameter, ParameterSource.Dealer, dealerValue, bounds, errors) ?? resolved;
                }
            }

            if (resolved is not null)
            {
                values[parameter.Name] = resolved;
            }
        }

        return errors.Count == 0
            ? new ParameterResolution(new ResolvedParameters(definition.Key, definition.Version, values), [])
            : new ParameterResolution(null, errors);
    }

    private static void ReportUnknown(IEnumerable<string> names, Dictionary<string, ParameterDefinition> declared, ParameterSource source, List<ParameterError> errors)
    {
        foreach (var name in names.Where(n => !declared.ContainsKey(n)))
        {
            errors.Add(new(name, source, ParameterErrorCode.UnknownParameter, $"the definition declares no parameter '{name}'"));
        }
    }

    /// <summary>
    /// The bounds HQ gives dealers, each inside the definition's, the minimum not above the maximum, and holding the value a
    /// dealer starts from (HQ's, else the definition's default); every way they are inconsistent is named, not just the first.
    /// </summary>
    private static Bounds DealerBounds(ParameterDefinition parameter, BrandParameterSetting brand, Bounds definitionBounds, List<ParameterError> errors)
    {
        var min = brand.DealerMin is null ? null : Bound(parameter, brand.DealerMin, "dealer minimum", definitionBounds, errors);
        var max = brand.DealerMax is null ? null : Bound(parameter, brand.DealerMax, "dealer maximum", definitionBounds, errors);
        var bounds = new Bounds(min ?? definitionBounds.Min, max ?? definitionBounds.Max);
        if (min is not null && max is not null && Read(parameter, min) > Read(parameter, max))
        {
            errors.Add(new(parameter.Name, ParameterSource.Brand, ParameterErrorCode.BoundsCrossed,
                $"dealer minimum {min.ToJsonString()} is above dealer maximum {max.ToJsonString()}"));
        }
        else if ((min is not null || max is not null)
            && (brand.Value ?? parameter.Default) is { } start
            && ParameterValueReader.TryRead(parameter.Type, start, out var value, out _)
            && !bounds.Contains(parameter.Type, value))
        {
            var whose = brand.Value is null ? "the definition's default" : "HQ's value";
            errors.Add(new(parameter.Name, ParameterSource.Brand, ParameterErrorCode.OutOfBounds,
                $"{whose} {start.ToJsonString()}, which dealers start from, is outside the dealer bounds {bounds}"));
        }

        return bounds;
    }

    /// <summary>A bound <see cref="Bound"/> has already read successfully.</summary>
    private static decimal Read(ParameterDefinition parameter, JsonNode bound) =>
        ParameterValueReader.TryRead(parameter.Type, bound, out var value, out _) ? value : throw new InvalidOperationException("An accepted bound reads.");

    private static JsonNode? Bound(ParameterDefinition parameter, JsonNode bound, string what, Bounds definitionBounds, List<ParameterError> errors)
    {
        if (!ParameterValueReader.TryRead(parameter.Type, bound, out var value, out var error))
        {
            errors.Add(new(parameter.Name, ParameterSource.Brand, ParameterErrorCode.WrongType, $"{what}: {error}"));
            return null;
        }

        if (!definitionBounds.Contains(parameter.Type, value))
        {
            errors.Add(new(parameter.Name, ParameterSource.Brand, ParameterErrorCode.OutOfBounds, $"{what} {bound.ToJsonString()} is outside {definitionBounds}"));
            return null;
        }

        return bound;
    }

    private static ResolvedParameter? Accept(ParameterDefinition parameter, ParameterSource source, JsonNode? node, Bounds bounds, List<ParameterError> errors)
    {
        if (!ParameterValueReader.TryRead(parameter.Type, node, out var value, out var error))
        {
            errors.Add(new(parameter.Name, source, ParameterErrorCode.WrongType, error));
            return null;
        }

        if (!bounds.Contains(parameter.Type, value))
        {
            errors.Add(new(parameter.Name, source, ParameterErrorCode.OutOfBounds, $"{node!.ToJsonString()} is outside {bounds}"));
            return null;
        }

        return new ResolvedParameter(parameter.Type, source, ParameterValueReader.ToElement(parameter.Type, node!));
    }

    private sealed record Bounds(JsonNode? Min, JsonNode? Max)
    {
        public bool Contains(ParameterType type, decimal value) =>
            (Min is null || !ParameterValueReader.TryRead(type, Min, out var min, out _) || value >= min)
            && (Max is null || !ParameterValueReader.TryRead(type, Max, out var max, out _) || value <= max);

        public override string ToString() => $"[{Min?.ToJsonString() ?? "-"}, {Max?.ToJsonString() ?? "-"}]";
    }
}
