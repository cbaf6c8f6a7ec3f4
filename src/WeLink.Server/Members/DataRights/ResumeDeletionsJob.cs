using Quartz;

namespace WeLink.Server.Members.DataRights;

/// <summary>
/// Finishes deletions a crash stopped part-way (members left <see cref="MemberStatus.Erasing"/>), on one node at a time.
/// A deletion still running on another node is left alone until it has been quiet for <see cref="Quiet"/>; erasing twice
/// at once would be harmless, every step being repeatable.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ResumeDeletionsJob(MemberDataRights rights, TimeProvider time, ILogger<ResumeDeletionsJob> logger) : IJob
{
    public static readonly JobKey Key = new("resume-member-deletions", "maintenance");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var memberId in await rights.InterruptedAsync(time.GetUtcNow() - Quiet, cancellationToken))
        {
            await rights.EraseAsync(memberId, cancellationToken);
            LogResumed(memberId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished the deletion of member {MemberId}, which a crash had stopped part-way")]
    private partial void LogResumed(Guid memberId);
}
