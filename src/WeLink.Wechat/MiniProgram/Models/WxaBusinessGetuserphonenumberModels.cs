using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WeLink.Wechat.Http;

namespace WeLink.Wechat.MiniProgram.Models;

/// <summary>
/// POST /wxa/business/getuserphonenumber: the phone number behind the code of the mini program's getPhoneNumber button
/// (not a wx.login code). The code is single use and lives 5 minutes.
/// </summary>
public sealed class WxaBusinessGetuserphonenumberRequest
{
    public required string Code { get; init; }

    /// <summary>When set, WeChat checks that the code is this consumer's (their openid in the mini program).</summary>
    public string? Openid { get; init; }
}

/// <summary>errcode 40029 when the code is expired, used, wrong or another mini program's.</summary>
public sealed class WxaBusinessGetuserphonenumberResponse : WechatResponse
{
    public PhoneInfo? PhoneInfo { get; set; }
}

/// <summary>This object names its fields in camelCase, unlike the rest of the answer.</summary>
public sealed class PhoneInfo
{
    /// <summary>With the country code for numbers outside the mainland.</summary>
    [JsonPropertyName("phoneNumber")]
    public string PhoneNumber { get; set; } = "";

    [JsonPropertyName("purePhoneNumber")]
    public string PurePhoneNumber { get; set; } = "";

    /// <summary>Typed string by the doc, shown as a number in its example: both are read.</summary>
    [JsonPropertyName("countryCode")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string CountryCode { get; set; } = "";

    [JsonPropertyName("watermark")]
    public PhoneWatermark? Watermark { get; set; }
}

public sealed class PhoneWatermark
{
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; set; }

    /// <summary>The mini program the number was given to; a caller checks it is the one it asked for.</summary>
    [JsonPropertyName("appid")]
    public string Appid { get; set; } = "";
}

/// <summary>Reads a JSON string or number as its text.</summary>
public sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetInt64(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.String => reader.GetString() ?? "",
        _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
