using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>Staff and customers making and ending WeCom customer relations, each pushed as change_external_contact.</summary>
public static class ExternalContactControlEndpoints
{
    public static RouteGroupBuilder MapExternalContactControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapPost("/wecom/external-contacts/add", AddAsync).Accepts<AddExternalContactRequest>("application/json");
        control.MapPost("/wecom/external-contacts/edit", EditAsync).Accepts<EditExternalContactRequest>("application/json");
        control.MapPost("/wecom/external-contacts/delete", DeleteAsync).Accepts<DeleteExternalContactRequest>("application/json");
        return control;
    }

    /// <summary>The member adds the consumer as a customer; no push when they had already (no push_id).</summary>
    public static async Task<Results<JsonHttpResult<ExternalContactChangeResponse>, JsonHttpResult<ControlProblem>>> AddAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.AddExternalContactRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"consumer_id\", \"state\"?}.")
            : Changed(flows.AddExternalContact(body.Corpid, body.Userid, body.ConsumerId, body.State));
    }

    /// <summary>The member sets their remark on the customer (edit_external_contact).</summary>
    public static async Task<Results<JsonHttpResult<ExternalContactChangeResponse>, JsonHttpResult<ControlProblem>>> EditAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.EditExternalContactRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"external_userid\", \"remark\"}.")
            : Changed(flows.EditExternalContact(body.Corpid, body.Userid, body.ExternalUserid, body.Remark ?? ""));
    }

    /// <summary>The member deletes the customer (del_external_contact), or with by_customer the customer deletes the member (del_follow_user).</summary>
    public static async Task<Results<JsonHttpResult<ExternalContactChangeResponse>, JsonHttpResult<ControlProblem>>> DeleteAsync(
        HttpRequest request, StaffFlows flows, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.DeleteExternalContactRequest, cancellationToken);
        return body is null
            ? ControlEndpoints.Problem("Send {\"corpid\", \"userid\", \"external_userid\", \"by_customer\"?}.")
            : Changed(flows.DeleteExternalContact(body.Corpid, body.Userid, body.ExternalUserid, body.ByCustomer));
    }

    private static JsonHttpResult<ExternalContactChangeResponse> Changed((ExternalContact Contact, PushRecord? Push) change) =>
        TypedResults.Json(
            new ExternalContactChangeResponse(change.Contact.ExternalUserId, change.Contact.FollowUserIds, change.Push?.Id),
            ControlJsonContext.Default.ExternalContactChangeResponse);
}
