using System.Text.Json.Serialization;

namespace WeLink.Workflow.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<ParameterType>))]
public enum ParameterType
{
    [JsonStringEnumMemberName("int")]
    WholeNumber,

    [JsonStringEnumMemberName("decimal")]
    Number,

    [JsonStringEnumMemberName("bool")]
    Bool,

    /// <summary>Written as ISO-8601 (<c>PT4H</c>) or as a TimeSpan (<c>04:00:00</c>).</summary>
    [JsonStringEnumMemberName("duration")]
    Duration,
}
