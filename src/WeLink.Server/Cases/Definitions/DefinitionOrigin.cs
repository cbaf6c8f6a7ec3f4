using System.Text.Json.Serialization;

namespace WeLink.Server.Cases.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<DefinitionOrigin>))]
public enum DefinitionOrigin
{
    /// <summary>A JSON file that ships with WeLink.</summary>
    [JsonStringEnumMemberName("shipped")]
    Shipped,

    /// <summary>Published by a platform admin for every brand.</summary>
    [JsonStringEnumMemberName("platform")]
    Platform,

    /// <summary>Published by the brand's HQ (or a platform admin for the brand).</summary>
    [JsonStringEnumMemberName("brand")]
    Brand,
}
