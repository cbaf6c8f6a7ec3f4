using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Faults;

namespace WeLink.Sandbox.Control;

/// <summary>
/// Arms faults: errcodes, HTTP errors, latency and holds on APIs; dropped, delayed and reordered pushes. Answers how many
/// calls of an API were in flight at once.
/// </summary>
public static class FaultControlEndpoints
{
    public static RouteGroupBuilder MapFaultControlEndpoints(this RouteGroupBuilder control)
    {
        control.MapPost("/faults/api", ArmApiFaultAsync).Accepts<ApiFaultRequest>("application/json");
        control.MapPost("/faults/latency", SetLatencyAsync).Accepts<LatencyRequest>("application/json");
        control.MapPost("/faults/pushes", ArmPushFaultAsync).Accepts<PushFaultRequest>("application/json");
        control.MapPost("/faults/hold", ArmHoldAsync).Accepts<HoldRequest>("application/json");
        control.MapGet("/faults/in-flight", InFlight);
        control.MapDelete("/faults", ClearFaults);
        return control;
    }

    public static async Task<Results<NoContent, JsonHttpResult<ControlProblem>>> ArmApiFaultAsync(
        HttpRequest request, FaultBook faults, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.ApiFaultRequest, cancellationToken);
        if (body is null || string.IsNullOrWhiteSpace(body.Api) || body.HttpStatus is < 100 or > 599)
        {
            return ControlEndpoints.Problem(
                "Send {\"api\": \"cgi-bin/message/send\", \"count\": n} with \"errcode\", \"http_status\" (100-599) or \"latency_ms\".");
        }

        faults.Arm(new ApiFault(
            body.Api.Trim('/'), body.Count ?? 1, body.Errcode, body.HttpStatus, TimeSpan.FromMilliseconds(body.LatencyMs ?? 0)));
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, JsonHttpResult<ControlProblem>>> SetLatencyAsync(
        HttpRequest request, FaultBook faults, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.LatencyRequest, cancellationToken);
        if (body is null || body.LatencyMs < 0)
        {
            return ControlEndpoints.Problem("Send {\"latency_ms\": n} with n >= 0.");
        }

        faults.Latency = TimeSpan.FromMilliseconds(body.LatencyMs);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, JsonHttpResult<ControlProblem>>> ArmPushFaultAsync(
        HttpRequest request, FaultBook faults, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.PushFaultRequest, cancellationToken);
        if (body is null || !Enum.TryParse<PushFaultKind>(body.Kind, ignoreCase: true, out var kind) || body.Count is < 1)
        {
            return ControlEndpoints.Problem("Send {\"kind\": \"drop\"|\"delay\"|\"reorder\", \"count\": n >= 1, \"delay_ms\": for delay}.");
        }

        faults.Arm(kind, body.Count ?? 1, TimeSpan.FromMilliseconds(body.DelayMs ?? 0));
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, JsonHttpResult<ControlProblem>>> ArmHoldAsync(
        HttpRequest request, InFlightCalls inFlight, CancellationToken cancellationToken)
    {
        var body = await WxResults.ReadAsync(request, ControlJsonContext.Default.HoldRequest, cancellationToken);
        if (body is null || string.IsNullOrWhiteSpace(body.Api) || body.Parties < 2 || body.TimeoutMs is < 1)
        {
            return ControlEndpoints.Problem("Send {\"api\": \"cgi-bin/message/send\", \"parties\": n >= 2, \"timeout_ms\": ms (10000 if absent)}.");
        }

        inFlight.Arm(body.Api.Trim('/'), body.Parties, TimeSpan.FromMilliseconds(body.TimeoutMs ?? 10_000));
        return TypedResults.NoContent();
    }

    public static Results<JsonHttpResult<InFlightView>, JsonHttpResult<ControlProblem>> InFlight(InFlightCalls inFlight, string? api)
    {
        if (string.IsNullOrWhiteSpace(api))
        {
            return ControlEndpoints.Problem("Name the API: ?api=cgi-bin/message/send.");
        }

        var (now, peak) = inFlight.Of(api.Trim('/'));
        return TypedResults.Json(new InFlightView(api, now, peak), ControlJsonContext.Default.InFlightView);
    }

    public static NoContent ClearFaults(FaultBook faults, InFlightCalls inFlight)
    {
        faults.Clear();
        inFlight.Clear();
        return TypedResults.NoContent();
    }
}
