using System.Text.Json.Serialization;

namespace WeLink.Workflow.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<InputFieldType>))]
public enum InputFieldType
{
    /// <summary>Text of at most <see cref="InputFieldDefinition.MaxLength"/> characters.</summary>
    [JsonStringEnumMemberName("string")]
    Text,

    /// <summary>A whole number from <see cref="InputFieldDefinition.Min"/> to <see cref="InputFieldDefinition.Max"/>.</summary>
    [JsonStringEnumMemberName("integer")]
    WholeNumber,

    /// <summary>One of <see cref="InputFieldDefinition.Choices"/>.</summary>
    [JsonStringEnumMemberName("enum")]
    Choice,

    /// <summary>true or false.</summary>
    [JsonStringEnumMemberName("boolean")]
    Bool,
}
