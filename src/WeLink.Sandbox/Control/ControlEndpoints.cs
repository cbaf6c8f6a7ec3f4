using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Pushes;
using WeLink.Sandbox.Recording;
using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Control;

/// <summary>The sandbox's own API: inspect and shape the world, move time, trigger pushes.</summary>
public static class ControlEndpoints
{
    public const string Tag = "Sandbox control";

    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder sandbox)
    {
        var control = sandbox.MapGroup("/control").WithTags(Tag).AddEndpointFilter(RefuseWorldMisfitsAsync);
        control.MapGet("/clock", GetClock);
        control.MapPost("/clock/advance", AdvanceClockAsync).Accepts<AdvanceClockRequest>("application/json");
        control.MapGet("/world", GetWorld);
        control.MapGet("/messages", GetMessages);
        control.MapAuthorizationControlEndpoints();
        control.MapConsumerControlEndpoints();
        control.MapPushControlEndpoints();
        control.MapFaultControlEndpoints();
        control.MapWorldControlEndpoints();
        control.MapMiniProgramControlEndpoints();
        control.MapWecomClientControlEndpoints();
        control.MapExternalContactControlEndpoints();
        return sandbox;
    }

    public static JsonHttpResult<ClockResponse> GetClock(SandboxClock clock) =>
        TypedResults.Json(ClockOf(clock), ControlJsonContext.Default.ClockResponse);

    public static async Task<Results<JsonHttpResult<ClockResponse>, JsonHttpResult<ControlProblem>>> AdvanceClockAsync(
        HttpRequest request, SandboxClock clock, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.AdvanceClockRequest, cancellationToken);
        if (body is null || body.Seconds < 0)
        {
            return Problem("Send {\"seconds\": n} with n >= 0; sandbox time only moves forward.");
        }

        clock.Advance(TimeSpan.FromSeconds(body.Seconds));
        return TypedResults.Json(ClockOf(clock), ControlJsonContext.Default.ClockResponse);
    }

    public static JsonHttpResult<WorldSnapshot> GetWorld(SandboxWorld world) =>
        TypedResults.Json(world.Snapshot(), ControlJsonContext.Default.WorldSnapshot);

    /// <summary>Messages WeLink sent, oldest first; filter by API (e.g. custom/send) or recipient.</summary>
    public static JsonHttpResult<IReadOnlyList<SentMessage>> GetMessages(MessageLog messages, string? api, string? recipient) =>
        TypedResults.Json(
            (IReadOnlyList<SentMessage>)[.. messages.All().Where(m => (api is null || m.Api == api) && (recipient is null || m.Recipients.Contains(recipient)))],
            ControlJsonContext.Default.IReadOnlyListSentMessage);

    public static JsonHttpResult<ControlProblem> Problem(string error) =>
        TypedResults.Json(new ControlProblem(error), ControlJsonContext.Default.ControlProblem, statusCode: StatusCodes.Status400BadRequest);

    public static JsonHttpResult<PushResponse> Pushed(PushRecord push) =>
        TypedResults.Json(new PushResponse(push.Id), ControlJsonContext.Default.PushResponse);

    /// <summary>A request that does not fit the world is the caller's mistake: 400 with the reason.</summary>
    private static async ValueTask<object?> RefuseWorldMisfitsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (WorldException misfit)
        {
            return Problem(misfit.Message);
        }
    }

    private static ClockResponse ClockOf(SandboxClock clock)
    {
        var now = clock.GetUtcNow();
        return new ClockResponse(now, now.ToUnixTimeSeconds(), clock.Offset.TotalSeconds);
    }
}
