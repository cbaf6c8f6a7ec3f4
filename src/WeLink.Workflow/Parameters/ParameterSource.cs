using System.Text.Json.Serialization;

namespace WeLink.Workflow.Parameters;

/// <summary>Who set a parameter's value: the definition's default, brand HQ, or the dealer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParameterSource>))]
public enum ParameterSource
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("brand")]
    Brand,

    [JsonStringEnumMemberName("dealer")]
    Dealer,
}
