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

    /// <summary>The OA host's answer to a bad token: component, authorizer or consumer OAuth token alike.</summary>
    public static IResult WechatToken(TokenCheck check) => (check.Status switch
    {
        TokenStatus.Missing => Refusals.WechatToken.Missing,
        TokenStatus.Expired => Refusals.WechatToken.Expired,
        TokenStatus.Replaced => Refusals.WechatToken.NotLatest,
        TokenStatus.WrongKind => Refusals.WechatToken.WrongKind,
        _ => Refusals.WechatToken.Invalid,
    }).Answer();

    /// <summary>WeCom's answer to a bad suite_access_token.</summary>
    public static IResult SuiteToken(TokenCheck check) => (check.Status switch
    {
        TokenStatus.Missing => Refusals.SuiteToken.Missing,
        TokenStatus.Expired => Refusals.SuiteToken.Expired,
        _ => Refusals.SuiteToken.Invalid,
    }).Answer();

    /// <summary>WeCom's answer to a bad corp access_token.</summary>
    public static IResult CorpToken(TokenCheck check) => (check.Status switch
    {
        TokenStatus.Missing => Refusals.CorpToken.Missing,
        TokenStatus.Expired => Refusals.CorpToken.Expired,
        _ => Refusals.CorpToken.Invalid,
    }).Answer();

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

    public static IResult BadJson() => Refusals.Common.BadJson.Answer();
}
