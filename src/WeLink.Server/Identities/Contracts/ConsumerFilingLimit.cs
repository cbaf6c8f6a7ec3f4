using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Identities.Contracts;

/// <summary>
/// The rate limiter policy for consumer filings, partitioned by the consumer of the session (<see cref="ConsumerFilingOptions"/>):
/// one consumer's flood meets 429 with <c>Retry-After</c> while every other consumer files as usual. Endpoints opt in with
/// <c>.RequireRateLimiting(ConsumerFilingLimit.Policy)</c>; the limiter runs after authorization, so the session is known.
/// </summary>
public static class ConsumerFilingLimit
{
    public const string Policy = "consumer-filings";

    public static IServiceCollection AddConsumerFilingLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsumerFilingOptions>()
            .Bind(configuration.GetSection(ConsumerFilingOptions.SectionName))
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero, $"{ConsumerFilingOptions.SectionName} needs a PermitLimit above 0 and a positive Window.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => RefuseAsync(rejected);
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<ConsumerFilingOptions>>().Value;

                // Authorization has already refused a request without a consumer session; this only keeps the limiter total.
                var consumer = ConsumerSession.From(context.User)?.ConsumerId.ToString() ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(consumer, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : (int)Math.Ceiling(http.RequestServices.GetRequiredService<IOptions<ConsumerFilingOptions>>().Value.Window.TotalSeconds);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "提交太频繁",
                Detail = $"您提交得太频繁了，请在 {retryAfter} 秒后再试。",
                Extensions = { ["retryAfterSeconds"] = retryAfter },
            },
        });
    }
}
