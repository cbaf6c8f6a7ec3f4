using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Credentials;
using WeLink.Sandbox.World;
using WeLink.Wechat.WeCom.JsSdk;

namespace WeLink.Sandbox.Wecom;

/// <summary>
/// The WeCom client's side of the JS-SDK (protocol-wave2.md §6.3, §6.4), for pages opened in a staff member's sandbox
/// phone: it checks config (<c>preVerifyJSAPI</c>) and agentConfig signatures against the tickets the sandbox issued to
/// the corp, then answers getCurExternalContact, selectExternalContact and scanQRCode from what the control API chose
/// for that staff member (<see cref="ClientBridgeBook"/>). The client knows who holds the phone; the sandbox learns it
/// when the member opens WeLink's app through the sandbox's WeCom OAuth page (<see cref="HolderCookie"/>).
/// </summary>
public static class ClientBridge
{
    /// <summary>Names the corp and staff member holding this browser's phone; set by the staff OAuth page.</summary>
    public const string HolderCookie = "sandbox_wecom_holder";

    private const string InvokePath = "/wecom/bridge/invoke";

    private static readonly JsonElement NoParameters = JsonDocument.Parse("{}").RootElement;

    public static IEndpointRouteBuilder MapClientBridge(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/wecom/bridge.js", () => TypedResults.Text(BridgeScript.Source, "text/javascript; charset=utf-8"));
        sandbox.MapPost(InvokePath, InvokeAsync);
        return sandbox;
    }

    /// <summary>Remembers on the browser who holds the phone, as the WeCom client would know.</summary>
    public static void RememberHolder(HttpResponse response, string corpId, string userId)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(HolderCookie, $"{corpId}:{userId}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/sandbox" + InvokePath,
        });
    }

    public static async Task<IResult> InvokeAsync(
        HttpRequest request, SandboxCredentials credentials, SandboxWorld world, ClientBridgeBook choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await WxResults.ReadObjectAsync(request, cancellationToken);
        var name = body?.TextField("name") ?? "";
        var url = body?.TextField("url") ?? "";
        var parameters = body?.ObjectField("params") ?? NoParameters;
        if (Holder(request, credentials) is not { } holder)
        {
            // Outside a staff phone there is no WeCom client to answer.
            return Answer(name, "fail no permission");
        }

        var page = new BridgePage(holder.CorpId, holder.AgentId, url, credentials);
        return name switch
        {
            "preVerifyJSAPI" => page.CorpSigned(parameters, "appId", "verifyTimestamp", "verifyNonceStr", "verifySignature")
                ? Answer("config", "ok")
                : InvalidSignature("config"),
            "agentConfig" => parameters.TextField("corpid") == holder.CorpId
                    && parameters.TextField("agentid") == holder.AgentId.ToString(CultureInfo.InvariantCulture)
                    && page.AgentSigned(parameters, "timestamp", "nonceStr", "signature")
                ? Answer(name, "ok")
                : InvalidSignature(name),

            // Every API call carries the registration's signature; the contact of the chat needs the app's identity.
            "getCurExternalContact" when !page.AgentSigned(parameters, "verifyTimestamp", "verifyNonceStr", "verifySignature") => Answer(name, "fail no permission"),
            "getCurExternalContact" => CurrentContact(name, holder, choices, world),
            "selectExternalContact" or "scanQRCode" when !page.Registered(parameters) => Answer(name, "fail no permission"),
            "selectExternalContact" => choices.Of(holder.CorpId, holder.UserId).SelectedExternalUserIds is { Count: > 0 } selected
                ? Answer(name, "ok", new JsonObject { ["userIds"] = new JsonArray([.. selected.Select(id => JsonValue.Create(id))]) })
                : Answer(name, "cancel"),
            "scanQRCode" => choices.TakeScanResult(holder.CorpId, holder.UserId) is { } scanned
                ? Answer(name, "ok", new JsonObject { ["resultStr"] = ScanResultText(request, scanned) })
                : Answer(name, "cancel"),
            _ => Answer(name, "fail function not exist"),
        };
    }

    /// <summary>The contact of the chat the app was opened from; none chosen is the client's answer outside a chat.</summary>
    private static ContentHttpResult CurrentContact(string name, PhoneHolder holder, ClientBridgeBook choices, SandboxWorld world) =>
        choices.Of(holder.CorpId, holder.UserId).ChatExternalUserId is { } chosen && world.FindExternalContact(holder.CorpId, chosen) is not null
            ? Answer(name, "ok", new JsonObject { ["userId"] = chosen })
            : Answer(name, "fail without context of external contact");

    /// <summary>The iOS client answers scanQRCode with JSON that @wecom/jssdk unwraps; the others with the text itself.</summary>
    private static string ScanResultText(HttpRequest request, string scanned) =>
        request.Headers.UserAgent.ToString() is var agent && (agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal))
            ? new JsonObject { ["scan_code"] = new JsonObject { ["scan_result"] = scanned } }.ToJsonString()
            : scanned;

    private static PhoneHolder? Holder(HttpRequest request, SandboxCredentials credentials)
    {
        var parts = request.Cookies[HolderCookie]?.Split(':', 2);
        return parts is [var corpId, var userId] && credentials.Grants.FindInstallation(corpId) is { Active: true } installation
            ? new PhoneHolder(corpId, userId, installation.AgentId)
            : null;
    }

    /// <summary>WeCom's client answer to a signature that does not match (protocol-wave2.md §6.3: 40093).</summary>
    private static ContentHttpResult InvalidSignature(string name) => Answer(name, "invalid signature", new JsonObject { ["errCode"] = 40093 });

    private static ContentHttpResult Answer(string name, string outcome, JsonObject? fields = null)
    {
        var answer = fields ?? [];
        answer["err_msg"] = $"{name}:{outcome}";
        return TypedResults.Text(answer.ToJsonString(), "application/json; charset=utf-8");
    }

    private sealed record PhoneHolder(string CorpId, string UserId, long AgentId);

    /// <summary>The page a bridge call came from, and the checks of the signatures it registered with.</summary>
    private sealed record BridgePage(string CorpId, long AgentId, string Url, SandboxCredentials Credentials)
    {
        public bool CorpSigned(JsonElement parameters, string corpField, string timestampField, string nonceField, string signatureField) =>
            parameters.TextField(corpField) == CorpId && Signed(TokenKind.CorpJsapiTicket, parameters, timestampField, nonceField, signatureField);

        public bool AgentSigned(JsonElement parameters, string timestampField, string nonceField, string signatureField) =>
            Signed(TokenKind.AgentConfigTicket, parameters, timestampField, nonceField, signatureField);

        /// <summary>The page registered with either identity (corp config or agentConfig).</summary>
        public bool Registered(JsonElement parameters) =>
            CorpSigned(parameters, "verifyAppId", "verifyTimestamp", "verifyNonceStr", "verifySignature")
            || AgentSigned(parameters, "verifyTimestamp", "verifyNonceStr", "verifySignature");

        private bool Signed(TokenKind ticket, JsonElement parameters, string timestampField, string nonceField, string signatureField) =>
            Timestamp(parameters, timestampField) is { } timestamp
            && parameters.TextField(nonceField) is { } nonce
            && Credentials.Tokens.ValidValues(ticket, CorpId).Any(value =>
                JsSdkSignature.Verify(parameters.TextField(signatureField), value, nonce, timestamp, Url));

        /// <summary>@wecom/jssdk sends the timestamp as text; a number is taken too.</summary>
        private static long? Timestamp(JsonElement parameters, string field) =>
            parameters.TryGetProperty(field, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text) => text,
                JsonValueKind.Number when value.TryGetInt64(out var number) => number,
                _ => null,
            } : null;
    }
}
