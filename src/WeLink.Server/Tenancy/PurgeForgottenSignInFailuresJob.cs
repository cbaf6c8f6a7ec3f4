using Microsoft.Extensions.Options;
using Quartz;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Deletes sign-in failure counts older than <c>Admin:SignInFailuresForgottenAfter</c>, hourly, on one node: a flood of
/// guesses at made-up emails leaves one row per email and source, and nothing else would ever remove them.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PurgeForgottenSignInFailuresJob(
    AdminSignInThrottles throttles,
    IOptionsMonitor<AdminOptions> options,
    TimeProvider time,
    ILogger<PurgeForgottenSignInFailuresJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-forgotten-sign-in-failures", "maintenance");

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var purged = await throttles.PurgeForgottenAsync(time.GetUtcNow() - options.CurrentValue.SignInFailuresForgottenAfter, cancellationToken);
        LogPurged(purged);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} forgotten sign-in failure counts")]
    private partial void LogPurged(int count);
}
