using Microsoft.Extensions.Options;
using Quartz;

namespace WeLink.Server.Uploads;

/// <summary>
/// Deletes photos no filing took within <see cref="UploadOptions.UnattachedLifetime"/>, rows first and then bytes, on
/// one node: a consumer who uploads and never files would otherwise keep storage filled for good. A row a filing takes
/// meanwhile is not deleted (the delete is guarded on it being unattached).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PurgeUnattachedUploadsJob(
    UploadStore uploads, IUploadStorage storage, IOptionsMonitor<UploadOptions> options, TimeProvider time, ILogger<PurgeUnattachedUploadsJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-unattached-uploads", "maintenance");

    private const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.CurrentValue.UnattachedLifetime;
        var purged = 0;
        IReadOnlyList<Guid> due;
        do
        {
            due = await uploads.UnattachedBeforeAsync(before, Batch, cancellationToken);
            foreach (var id in due)
            {
                if (await uploads.DeleteUnattachedAsync(id, cancellationToken))
                {
                    await storage.DeleteAsync(id, cancellationToken);
                    purged++;
                }
            }
        }
        while (due.Count == Batch);

        LogPurged(purged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} photos no request took")]
    private partial void LogPurged(int count);
}
