using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Wechat;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>Plays the consumer's phone inside a mini program.</summary>
public static class MiniProgramControlEndpoints
{
    public static RouteGroupBuilder MapMiniProgramControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapPost("/miniprogram/{appid}/login", LogInAsync).Accepts<MiniProgramLoginRequest>("application/json");
        control.MapPost("/miniprogram/{appid}/subscribe", SubscribeAsync).Accepts<MiniProgramSubscribeRequest>("application/json");
        control.MapPost("/miniprogram/{appid}/phone-number", TapPhoneNumberButtonAsync).Accepts<MiniProgramPhoneNumberRequest>("application/json");
        return control;
    }

    /// <summary>What wx.login returns on the phone of <c>consumer</c> (id, nickname or openid; the first consumer when absent).</summary>
    public static async Task<Results<JsonHttpResult<MiniProgramLoginResponse>, JsonHttpResult<ControlProblem>>> LogInAsync(
        string appid, HttpRequest request, MiniProgramFlows flows, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is 0
            ? new MiniProgramLoginRequest(null)
            : await WxResults.ReadAsync(request, ControlJsonContext.Default.MiniProgramLoginRequest, cancellationToken);
        if (body is null)
        {
            return ControlEndpoints.Problem("Send {\"consumer\": id, nickname or openid} as JSON, or no body for the first consumer.");
        }

        var (code, identity) = flows.LogIn(appid, body.Consumer);
        return TypedResults.Json(
            new MiniProgramLoginResponse(code, (int)MiniProgramLoginEndpoints.CodeLifetime.TotalSeconds, identity.OpenId, identity.ConsumerId),
            ControlJsonContext.Default.MiniProgramLoginResponse);
    }

    /// <summary>
    /// The consumer's tap on <c>&lt;button open-type="getPhoneNumber"&gt;</c> and their answer to WeChat's sheet: the
    /// detail of the bindgetphonenumber event (errMsg, and the code when they allowed it).
    /// </summary>
    public static async Task<Results<JsonHttpResult<MiniProgramPhoneNumberResponse>, JsonHttpResult<ControlProblem>>> TapPhoneNumberButtonAsync(
        string appid, HttpRequest request, MiniProgramFlows flows, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is 0
            ? new MiniProgramPhoneNumberRequest(null)
            : await WxResults.ReadAsync(request, ControlJsonContext.Default.MiniProgramPhoneNumberRequest, cancellationToken);
        if (body is null)
        {
            return ControlEndpoints.Problem("Send {\"consumer\": id, nickname or openid, \"allow\": true|false} as JSON, or no body for the first consumer allowing.");
        }

        var (code, identity) = flows.TapPhoneNumberButton(appid, body.Consumer, body.Allow);
        return TypedResults.Json(
            new MiniProgramPhoneNumberResponse(
                code is null ? "getPhoneNumber:fail user deny" : "getPhoneNumber:ok",
                code,
                code is null ? null : (int)MiniProgramPhoneEndpoints.CodeLifetime.TotalSeconds,
                identity.OpenId,
                identity.ConsumerId),
            ControlJsonContext.Default.MiniProgramPhoneNumberResponse);
    }

    /// <summary>
    /// The consumer's tap on the subscribe dialog (wx.requestSubscribeMessage): <c>accept</c> allows one message of each
    /// template, <c>false</c> none. The answer says how many messages of each the consumer now allows.
    /// </summary>
    public static async Task<Results<JsonHttpResult<MiniProgramSubscribeResponse>, JsonHttpResult<ControlProblem>>> SubscribeAsync(
        string appid, HttpRequest request, MiniProgramFlows flows, SandboxWorld world, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.MiniProgramSubscribeRequest, cancellationToken);
        if (body?.TemplateIds is not { } templateIds)
        {
            return ControlEndpoints.Problem("Send {\"consumer\": id, nickname or openid, \"template_ids\": [...], \"accept\": true|false} as JSON.");
        }

        var identity = flows.Subscribe(appid, body.Consumer ?? body.Openid, templateIds, body.Accept);
        return TypedResults.Json(
            new MiniProgramSubscribeResponse(
                identity.OpenId, identity.ConsumerId, templateIds.Distinct().ToDictionary(id => id, id => world.SubscriptionsLeft(appid, identity.OpenId, id))),
            ControlJsonContext.Default.MiniProgramSubscribeResponse);
    }
}
