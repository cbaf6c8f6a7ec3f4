using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Pushes;

namespace WeLink.Sandbox.Control;

/// <summary>Pushes on demand, staff actions that push, and the record of every delivery attempt.</summary>
public static class PushControlEndpoints
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapPushControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapGet("/pushes", ListPushes);
        control.MapGet("/pushes/{id:long}", GetPushAsync);
        control.MapPost("/pushes/component-verify-ticket", PushComponentVerifyTicket);
        control.MapPost("/pushes/suite-ticket", PushSuiteTicket);
        control.MapPost("/pushes/authorization", PushAuthorizationAsync).Accepts<AuthorizationEventRequest>("application/json");
        control.MapPost("/pushes/change-contact", AddMemberAsync).Accepts<AddMemberRequest>("application/json");
        control.MapPost("/pushes/change-contact/update-user", UpdateMemberAsync).Accepts<UpdateMemberRequest>("application/json");
        control.MapPost("/pushes/change-contact/delete-user", RemoveMemberAsync).Accepts<MemberRequest>("application/json");
        control.MapPost("/pushes/verify-suite-urls", VerifySuiteUrlsAsync);
        control.MapPost("/staff/press-card-button", PressCardButtonAsync).Accepts<CardButtonRequest>("application/json");
        control.MapPost("/staff/message-app", MessageAppAsync).Accepts<StaffMessageRequest>("application/json");
        return control;
    }

    public static JsonHttpResult<IReadOnlyList<PushView>> ListPushes(PushLog log, string? kind) =>
        TypedResults.Json(
            (IReadOnlyList<PushView>)[.. log.All().Where(p => kind is null || p.Message.Kind == kind).Select(ViewOf)],
            ControlJsonContext.Default.IReadOnlyListPushView);

    /// <summary>With wait_seconds, answers once the push is delivered, failed or dropped (or the wait ends).</summary>
    public static async Task<Results<JsonHttpResult<PushView>, NotFound>> GetPushAsync(
        long id, PushLog log, [FromQuery(Name = "wait_seconds")] double? waitSeconds, CancellationToken cancellationToken)
    {
        if (log.Find(id) is not { } push)
        {
            return TypedResults.NotFound();
        }

        if (waitSeconds is > 0)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(waitSeconds.Value, MaxWait.TotalSeconds));
            await Task.WhenAny(push.Finished, Task.Delay(wait, cancellationToken));
        }

        return TypedResults.Json(ViewOf(push), ControlJsonContext.Default.PushView);
    }

    public static JsonHttpResult<TicketPushResponse> PushComponentVerifyTicket(SandboxPushes pushes)
    {
        var (push, ticket) = pushes.PushComponentVerifyTicket();
        return TypedResults.Json(new TicketPushResponse(push.Id, ticket), ControlJsonContext.Default.TicketPushResponse);
    }

    public static JsonHttpResult<TicketPushResponse> PushSuiteTicket(SandboxPushes pushes)
    {
        var (push, ticket) = pushes.PushSuiteTicket();
        return TypedResults.Json(new TicketPushResponse(push.Id, ticket), ControlJsonContext.Default.TicketPushResponse);
    }

    /// <summary>The provider console's GET check of the instruction and data URLs.</summary>
    public static async Task<JsonHttpResult<IReadOnlyList<UrlCheck>>> VerifySuiteUrlsAsync(UrlVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Json(await verifier.VerifySuiteUrlsAsync(cancellationToken), ControlJsonContext.Default.IReadOnlyListUrlCheck);

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> PushAuthorizationAsync(
        HttpRequest request, AuthorizationFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.AuthorizationEventRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"appid\", \"info_type\"}.")
            : ControlEndpoints.Pushed(flows.PushAuthorizationEvent(body.Appid, body.InfoType));
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> AddMemberAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.AddMemberRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"name\", \"department_id\"}.")
            : ControlEndpoints.Pushed(flows.AddMember(body.Corpid, body.Name, body.DepartmentId, body.Position ?? "", body.Mobile ?? ""));
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> UpdateMemberAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.UpdateMemberRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"name\", \"position\"}.")
            : ControlEndpoints.Pushed(flows.UpdateMember(body.Corpid, body.Userid, body.Name, body.Position));
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> RemoveMemberAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.MemberRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\"}.")
            : ControlEndpoints.Pushed(flows.RemoveMember(body.Corpid, body.Userid));
    }

    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> PressCardButtonAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.CardButtonRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"task_id\", \"event_key\"}.")
            : ControlEndpoints.Pushed(flows.PressCardButton(body.Corpid, body.Userid, body.TaskId, body.EventKey ?? ""));
    }

    /// <summary>Without content the staff member just opens the app (enter_agent); with content they write to it.</summary>
    public static async Task<Results<JsonHttpResult<PushResponse>, JsonHttpResult<ControlProblem>>> MessageAppAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.StaffMessageRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"content\"}.")
            : ControlEndpoints.Pushed(flows.MessageApp(body.Corpid, body.Userid, body.Content));
    }

    private static PushView ViewOf(PushRecord push) => new(
        push.Id,
        push.Message.Target.ToString(),
        push.Message.Kind,
        push.Message.Subject,
        push.Status.ToString(),
        push.CreatedAt,
        push.Message.Plaintext,
        push.Reply,
        push.Attempts);
}
