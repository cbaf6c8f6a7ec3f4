using System.Text.Json.Serialization;

namespace WeLink.Sandbox.Wechat;

/// <summary>newtmpl's answer names its field in camelCase, unlike the rest of WeChat.</summary>
public sealed record SubscribeTemplateAddResponse(int Errcode, string Errmsg, [property: JsonPropertyName("priTmplId")] string PriTmplId);

/// <summary>getuserphonenumber's answer; countryCode is a string here, though WeChat's example shows a number.</summary>
public sealed record PhoneNumberResponse(int Errcode, string Errmsg, [property: JsonPropertyName("phone_info")] PhoneInfo PhoneInfo);

public sealed record PhoneInfo(
    [property: JsonPropertyName("phoneNumber")] string PhoneNumber,
    [property: JsonPropertyName("purePhoneNumber")] string PurePhoneNumber,
    [property: JsonPropertyName("countryCode")] string CountryCode,
    [property: JsonPropertyName("watermark")] PhoneWatermark Watermark);

public sealed record PhoneWatermark(long Timestamp, string Appid);

/// <summary>cgi-bin/open/create's and open/get's answer.</summary>
public sealed record OpenAppIdResponse(int Errcode, string Errmsg, string OpenAppid);
