using System.Text.Json.Serialization;

namespace WeLink.Workflow.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<DurationUnit>))]
public enum DurationUnit
{
    [JsonStringEnumMemberName("minutes")]
    Minutes,

    [JsonStringEnumMemberName("hours")]
    Hours,

    [JsonStringEnumMemberName("days")]
    Days,
}
