using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using WeLink.Server.Shared;
using WeLink.Wechat.Tokens;

namespace WeLink.Server.Platform;

/// <summary>
/// A request that needs the component or suite token before the platform pushed its first ticket (a WeLink just
/// installed, or its stored ticket lost) is a wait, not a fault: it answers 503 with Retry-After and a Chinese message,
/// as ProblemDetails under <c>/api/</c> and as a page elsewhere (the portal, the onboarding pages, the sign-in landings),
/// not as the error page. For the component it also asks WeChat for a ticket now (<see cref="ComponentTicketRequests"/>);
/// WeCom has no such API, its suite_ticket comes within 10 minutes. One place for every page and API, since any of them
/// may need a platform token (an authorizer's or a corp's is renewed with it).
/// </summary>
public sealed partial class MissingTicketHandler(IProblemDetailsService problems, ILogger<MissingTicketHandler> logger) : IExceptionHandler
{
    public const string ComponentMessage = "微信开放平台尚未推送 component_verify_ticket，已请求微信立即推送，请稍后（约 1 分钟）刷新重试。";

    public const string SuiteMessage = "企业微信尚未推送 suite_ticket，通常 10 分钟内推送，请稍后重试。";

    private static readonly TimeSpan ComponentRetryAfter = ComponentTicketRequests.Interval;

    private static readonly TimeSpan SuiteRetryAfter = TimeSpan.FromMinutes(10);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not MissingPlatformTicketException missing)
        {
            return false;
        }

        LogMissing(logger, missing.Ticket, httpContext.Request.Method, httpContext.Request.Path);
        var (message, retryAfter) = missing.Ticket == PlatformTicket.ComponentVerifyTicket
            ? (ComponentMessage, ComponentRetryAfter)
            : (SuiteMessage, SuiteRetryAfter);
        if (missing.Ticket == PlatformTicket.ComponentVerifyTicket)
        {
            // Per request: the component client is a typed HTTP client, which a singleton (this handler) must not hold.
            await httpContext.RequestServices.GetRequiredService<ComponentTicketRequests>().RequestAsync(cancellationToken);
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = missing,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "平台票据尚未送达", Detail = message },
            });
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(PlainPage.Html("暂时无法继续", "请稍后重试", "pending", "Waiting", message), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} needs the platform token, but no {Ticket} is stored yet; answered 503")]
    private static partial void LogMissing(ILogger logger, PlatformTicket ticket, string method, string path);
}
