using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Flows;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>Drives consumers: each action changes the world and pushes what WeChat would push.</summary>
public static class ConsumerControlEndpoints
{
    public static RouteGroupBuilder MapConsumerControlEndpoints(this RouteGroupBuilder control)
    {
        var consumers = control.MapGroup("/consumers");
        Map(consumers, "/follow", (flows, r) => flows.Follow(r.ConsumerId, Required(r.Appid, "appid")));
        Map(consumers, "/unfollow", (flows, r) => flows.Unfollow(r.ConsumerId, Required(r.Appid, "appid")));
        Map(consumers, "/send-text", (flows, r) => flows.SendText(r.ConsumerId, Required(r.Appid, "appid"), Required(r.Content, "content")));
        Map(consumers, "/send-image", (flows, r) => flows.SendMedia(r.ConsumerId, Required(r.Appid, "appid"), ConsumerMedia.Image));
        Map(consumers, "/send-voice", (flows, r) => flows.SendMedia(r.ConsumerId, Required(r.Appid, "appid"), ConsumerMedia.Voice));
        Map(consumers, "/press-menu", (flows, r) => flows.PressMenu(r.ConsumerId, Required(r.Appid, "appid"), r.Key ?? "", r.Url));
        Map(consumers, "/scan-qrcode", (flows, r) => flows.ScanQrCode(r.ConsumerId, Required(r.Ticket, "ticket")));
        Map(consumers, "/subscribe-template", (flows, r) =>
            flows.SubscribeToTemplate(r.ConsumerId, Required(r.Appid, "appid"), Required(r.TemplateId, "template_id")));
        return control;
    }

    private static void Map(RouteGroupBuilder consumers, string path, Func<ConsumerFlows, ConsumerActionRequest, PushRecord?> action) =>
        consumers.MapPost(path, async Task<Results<JsonHttpResult<ConsumerActionResponse>, JsonHttpResult<ControlProblem>>> (
            HttpRequest request, ConsumerFlows flows, SandboxWorld world, CancellationToken cancellationToken) =>
        {
            var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.ConsumerActionRequest, cancellationToken);
            if (body is null)
            {
                return ControlEndpoints.Problem("Send {\"consumer_id\", \"appid\", …} as JSON.");
            }

            var push = action(flows, body);
            var openId = push?.Message.OpenId ?? (body.Appid is null ? null : world.IdentityOf(body.Appid, body.ConsumerId).OpenId);
            return TypedResults.Json(new ConsumerActionResponse(push?.Id, openId), ControlJsonContext.Default.ConsumerActionResponse);
        }).Accepts<ConsumerActionRequest>("application/json");

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new WorldException($"'{name}' is required for this action.") : value;
}
