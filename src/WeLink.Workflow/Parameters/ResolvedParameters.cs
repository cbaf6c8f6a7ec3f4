using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using WeLink.Workflow.Definitions;

namespace WeLink.Workflow.Parameters;

/// <summary>
/// The parameter values a case runs with. A case stores them (<see cref="ToJson"/>) when it starts, so later changes by
/// HQ or the dealer do not move the goalposts of cases already open.
/// </summary>
public sealed class ResolvedParameters
{
    [JsonConstructor]
    public ResolvedParameters(string definitionKey, int definitionVersion, IReadOnlyDictionary<string, ResolvedParameter> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        DefinitionKey = definitionKey;
        DefinitionVersion = definitionVersion;
        Values = values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string DefinitionKey { get; }

    public int DefinitionVersion { get; }

    public IReadOnlyDictionary<string, ResolvedParameter> Values { get; }

    public static ResolvedParameters FromJson(string json) =>
        JsonSerializer.Deserialize(json, ParametersJsonContext.Default.ResolvedParameters)
        ?? throw new JsonException("Resolved parameters are the JSON literal null.");

    public string ToJson() => JsonSerializer.Serialize(this, ParametersJsonContext.Default.ResolvedParameters);

    public int GetWholeNumber(string name) => Get(name, ParameterType.WholeNumber).GetInt32();

    public decimal GetNumber(string name) => Get(name, ParameterType.Number).GetDecimal();

    public bool GetBool(string name) => Get(name, ParameterType.Bool).GetBoolean();

    public TimeSpan GetDuration(string name) => XmlConvert.ToTimeSpan(Get(name, ParameterType.Duration).GetString()!);

    /// <summary>Reads an int, decimal or duration parameter as a duration, numbers counted in <paramref name="unit"/>.</summary>
    public TimeSpan GetDuration(string name, DurationUnit? unit)
    {
        var parameter = Find(name);
        return parameter.Type switch
        {
            ParameterType.Duration => GetDuration(name),
            ParameterType.WholeNumber or ParameterType.Number when unit is { } u => DurationExpression.FromUnits(parameter.Value.GetDecimal(), u),
            _ => throw new InvalidOperationException($"Parameter '{name}' ({parameter.Type}) cannot be read as a duration{(unit is null ? " without a unit" : "")}."),
        };
    }

    private ResolvedParameter Find(string name) =>
        Values.TryGetValue(name, out var parameter)
            ? parameter
            : throw new KeyNotFoundException($"No parameter '{name}' was resolved for {DefinitionKey} v{DefinitionVersion}.");

    private JsonElement Get(string name, ParameterType type)
    {
        var parameter = Find(name);
        return parameter.Type == type
            ? parameter.Value
            : throw new InvalidOperationException($"Parameter '{name}' is {parameter.Type}, not {type}.");
    }
}
