using WeLink.Sandbox.Faults;

namespace WeLink.Sandbox.Api;

/// <summary>
/// Runs around every platform API: the count of calls in flight (and an armed hold), added latency, armed faults (errcode
/// or HTTP status) and the daily quota (45009), keyed by the path after the host such as <c>cgi-bin/message/send</c>.
/// </summary>
public sealed class ApiGuardFilter(FaultBook faults, QuotaBook quotas, InFlightCalls inFlight, string hostPrefix) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var api = ApiKey(http.Request.Path.Value ?? "");
        using var call = await inFlight.EnterAsync(api, http.RequestAborted);
        var fault = faults.TakeApiFault(api);
        var latency = faults.Latency + (fault?.Latency ?? TimeSpan.Zero);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        if (fault?.HttpStatus is { } status)
        {
            return TypedResults.StatusCode(status);
        }

        if (fault?.Errcode is { } errcode)
        {
            return WxResults.Error(errcode, "injected by the sandbox");
        }

        if (!quotas.TryCount(api))
        {
            return Refusals.Common.DailyQuota.Answer();
        }

        return await next(context);
    }

    private string ApiKey(string path)
    {
        var start = path.IndexOf(hostPrefix, StringComparison.OrdinalIgnoreCase);
        return start < 0 ? path.TrimStart('/') : path[(start + hostPrefix.Length)..].TrimStart('/');
    }
}
