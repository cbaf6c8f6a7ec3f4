using WeLink.Server.Data.Queues;

namespace WeLink.Server.Identities.Contacts;

/// <summary>
/// Drains <c>contact_conversions</c> on every node (<see cref="PollingService{TWorker}"/>; claims are leased, so two nodes
/// never convert one row at once): each claimed row is converted by <see cref="ContactLinker"/>; a failure to reach WeCom
/// is retried with backoff and parked after <see cref="Retries"/>' attempts.
/// </summary>
public sealed partial class ContactConversionWorker(
    ContactConversionStore store,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ContactConversionWorker> logger) : IQueueWorker
{
    /// <summary>WeCom allows 100k conversions an hour per corp; a round this size stays far below it.</summary>
    private const int BatchSize = 20;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    /// <summary>
    /// A failed round is mostly a moment's trouble (WeCom or the database busy), so the first retry comes within seconds,
    /// as the inbox's does; a corp that keeps failing is asked less and less often for hours before the row is parked.
    /// </summary>
    private static readonly RetryPolicy Retries = new(12, TimeSpan.FromSeconds(5), TimeSpan.FromHours(6));

    public PollingSettings Polling { get; } = new(true, BatchSize, TimeSpan.FromSeconds(30));

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var claim = await store.Work.ClaimAsync(BatchSize, time.GetUtcNow() + Lease, cancellationToken);
        if (claim.Items.Count == 0)
        {
            return 0;
        }

        // A scope per round: the linker holds a typed HttpClient, which the root provider must not keep.
        await using var scope = scopes.CreateAsyncScope();
        var linker = scope.ServiceProvider.GetRequiredService<ContactLinker>();
        foreach (var item in claim.Items)
        {
            try
            {
                await linker.ConvertAsync(item, claim.Lease, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var outcome = await store.Work.FailAsync(item.Id, claim.Lease, item.Attempts, $"{e.GetType().Name}: {e.Message}", Retries, cancellationToken);
                LogFailed(item.Id, item.Attempts, outcome);
            }
        }

        return claim.Items.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact conversion {Id} failed on attempt {Attempts} ({Outcome})")]
    private partial void LogFailed(Guid id, int attempts, FailOutcome outcome);
}
