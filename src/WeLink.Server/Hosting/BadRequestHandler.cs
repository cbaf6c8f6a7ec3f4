using Microsoft.AspNetCore.Diagnostics;

namespace WeLink.Server.Hosting;

/// <summary>
/// Answers a request the framework could not read (a body that is not JSON, an empty one, the wrong content type, one too
/// large) with its own 4xx as ProblemDetails. Such a request is the caller's mistake, not the server's, so it is logged
/// as a warning without a stack trace; handling it here also keeps the exception handler from logging it as an error.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = bad,
            ProblemDetails = { Status = bad.StatusCode, Detail = bad.Message },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} refused with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int statusCode, string reason);
}
