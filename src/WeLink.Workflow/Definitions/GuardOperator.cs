using System.Text.Json.Serialization;

namespace WeLink.Workflow.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<GuardOperator>))]
public enum GuardOperator
{
    [JsonStringEnumMemberName("eq")]
    Eq,

    [JsonStringEnumMemberName("ne")]
    Ne,

    [JsonStringEnumMemberName("gt")]
    Gt,

    [JsonStringEnumMemberName("gte")]
    Gte,

    [JsonStringEnumMemberName("lt")]
    Lt,

    [JsonStringEnumMemberName("lte")]
    Lte,

    /// <summary>The field equals one of the values of an array.</summary>
    [JsonStringEnumMemberName("in")]
    In,

    /// <summary>The field is present and not null; takes no value.</summary>
    [JsonStringEnumMemberName("exists")]
    Exists,
}
