using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Wecom;

namespace WeLink.Sandbox.Control;

/// <summary>Plays the person holding a staff member's WeCom phone: which chat the app is opened from, whom they pick, what they scan.</summary>
public static class WecomClientControlEndpoints
{
    public static RouteGroupBuilder MapWecomClientControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapPost("/wecom/client", ChooseAsync).Accepts<WecomClientRequest>("application/json");
        return control;
    }

    /// <summary>
    /// Sets what the staff member's client answers from now on: the chat's external contact (getCurExternalContact; one
    /// the member has added), the contacts the picker returns (selectExternalContact) and the next scan (scanQRCode, once).
    /// Fields left out keep their value.
    /// </summary>
    public static async Task<Results<JsonHttpResult<ClientChoices>, JsonHttpResult<ControlProblem>>> ChooseAsync(
        HttpRequest request, StaffFlows staff, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.WecomClientRequest, cancellationToken);
        if (body is null)
        {
            return ControlEndpoints.Problem(
                "Send {\"corpid\", \"userid\", \"chat_external_userid\"?, \"selected_external_userids\"?: [..], \"scan_result\"?}.");
        }

        var chosen = staff.ChooseClient(body.Corpid, body.Userid, body.ChatExternalUserid, body.SelectedExternalUserids, body.ScanResult);
        return TypedResults.Json(chosen, ControlJsonContext.Default.ClientChoices);
    }
}
