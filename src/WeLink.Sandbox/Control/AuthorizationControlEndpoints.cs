using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Wechat;
using WeLink.Sandbox.Wecom;

namespace WeLink.Sandbox.Control;

/// <summary>Plays the merchant, the corp admin and the people consenting to OAuth.</summary>
public static class AuthorizationControlEndpoints
{
    public static RouteGroupBuilder MapAuthorizationControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapPost("/component/approve", ApproveComponentAsync).Accepts<ComponentApprovalRequest>("application/json");
        control.MapPost("/component/unauthorize", UnauthorizeAsync).Accepts<AppidRequest>("application/json");
        control.MapPost("/suite/install", InstallAsync).Accepts<InstallRequest>("application/json");
        control.MapPost("/suite/uninstall", UninstallAsync).Accepts<CorpidRequest>("application/json");
        control.MapPost("/suite/change-auth", ChangeAuthAsync).Accepts<CorpidRequest>("application/json");
        control.MapPost("/consumers/oauth-consent", ConsentAsync).Accepts<ConsumerConsentRequest>("application/json");
        control.MapPost("/staff/open-app", OpenAppAsync).Accepts<StaffOAuthRequest>("application/json");
        return control;
    }

    public static async Task<Results<JsonHttpResult<ComponentApproval>, JsonHttpResult<ControlProblem>>> ApproveComponentAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.ComponentApprovalRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"pre_auth_code\", \"appid\", optional \"func_scopes\": [ids]}.")
            : TypedResults.Json(flows.ApproveComponent(body.PreAuthCode, body.Appid, body.FuncScopes), ControlJsonContext.Default.ComponentApproval);
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> UnauthorizeAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.AppidRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"appid\"}.")
            : ControlEndpoints.Pushed(flows.RevokeComponent(body.Appid));
    }

    public static async Task<Results<JsonHttpResult<InstallApproval>, JsonHttpResult<ControlProblem>>> InstallAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.InstallRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"pre_auth_code\", \"corpid\", \"state\"}.")
            : TypedResults.Json(flows.ApproveInstall(body.PreAuthCode, body.Corpid, body.State), ControlJsonContext.Default.InstallApproval);
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> UninstallAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.CorpidRequest, cancellationToken);
        return body is null ? ControlEndpoints.Problem("Send {\"corpid\"}.") : ControlEndpoints.Pushed(flows.Uninstall(body.Corpid));
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> ChangeAuthAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.CorpidRequest, cancellationToken);
        return body is null ? ControlEndpoints.Problem("Send {\"corpid\"}.") : ControlEndpoints.Pushed(flows.ChangeAuth(body.Corpid));
    }

    public static async Task<Results<JsonHttpResult<OAuthCodeResponse>, JsonHttpResult<ControlProblem>>> ConsentAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.ConsumerConsentRequest, cancellationToken);
        if (body is null)
        {
            return ControlEndpoints.Problem("Send {\"consumer_id\", \"appid\", \"scope\"}.");
        }

        var code = flows.ConsentConsumer(body.ConsumerId, body.Appid, body.Scope ?? "snsapi_base");
        return TypedResults.Json(
            new OAuthCodeResponse(code, (int)OAuthEndpoints.CodeLifetime.TotalSeconds), ControlJsonContext.Default.OAuthCodeResponse);
    }

    public static async Task<Results<JsonHttpResult<OAuthCodeResponse>, JsonHttpResult<ControlProblem>>> OpenAppAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.StaffOAuthRequest, cancellationToken);
        if (body is null)
        {
            return ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"scope\"}.");
        }

        var code = flows.OpenAppAsStaff(body.Corpid, body.Userid, body.Scope ?? "snsapi_base");
        return TypedResults.Json(
            new OAuthCodeResponse(code, (int)SuiteEndpoints.OAuthCodeLifetime.TotalSeconds), ControlJsonContext.Default.OAuthCodeResponse);
    }
}
