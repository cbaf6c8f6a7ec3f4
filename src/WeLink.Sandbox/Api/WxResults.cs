using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WeLink.Sandbox.Credentials;

namespace WeLink.Sandbox.Api;

/// <summary>Answers in the platforms' shape: always HTTP 200, JSON, errcode on failure.</summary>
public static class WxResults
{
    public static IResult Error(int errcode, string errmsg) =>
        TypedResults.Json(new WxError(errcode, errmsg), WireJsonContext.Default.WxError);

    public static IResult Ok() => TypedResults.Json(WxError.Ok, WireJsonContext.Default.WxError);

    public static IResult Json<T>(T value, JsonTypeInfo<T> typeInfo) => TypedResults.Json(value, typeInfo);

    /// <summary>The official account / open platform answer to a bad access token.</summary>
    public static IResult WechatToken(TokenCheck check) => check.Status switch
    {
        TokenStatus.Missing => Error(41001, "access_token missing"),
        TokenStatus.Expired => Error(42001, "access_token expired"),
        _ => Error(40001, "invalid credential, access_token is invalid or not latest"),
    };

    /// <summary>WeCom's answer to a bad suite_access_token.</summary>
    public static IResult SuiteToken(TokenCheck check) => check.Status switch
    {
        TokenStatus.Missing => Error(41022, "suite_access_token missing"),
        TokenStatus.Expired => Error(42009, "suite_access_token expired"),
        _ => Error(40082, "invalid suite_access_token"),
    };

    /// <summary>WeCom's answer to a bad corp access_token.</summary>
    public static IResult CorpToken(TokenCheck check) => check.Status switch
    {
        TokenStatus.Missing => Error(41001, "access_token missing"),
        TokenStatus.Expired => Error(42001, "access_token expired"),
        _ => Error(40014, "invalid access_token"),
    };

    /// <summary>Reads a JSON body; null means the caller must answer <see cref="BadJson"/>.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a JSON object body whose shape varies by msgtype; null means <see cref="BadJson"/>.</summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, WireJsonContext.Default.JsonElement, cancellationToken);
            return body.ValueKind == JsonValueKind.Object ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult BadJson() => Error(47001, "data format error");
}
