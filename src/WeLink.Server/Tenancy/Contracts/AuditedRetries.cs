using System.Security.Claims;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Tenancy.Contracts;

/// <summary>An admin's retry of a parked or still-failing queue item, audited whether or not it was put back.</summary>
public static class AuditedRetries
{
    /// <summary>
    /// Puts the item back in line (see <see cref="LeasedWork{TItem}.RetryAsync"/>), records who asked, and wakes this
    /// node's worker so the item goes at once; false when the item was neither parked nor failing.
    /// </summary>
    public static async Task<bool> RetryAsync<TItem, TWorker>(
        this IAuditTrail audit,
        LeasedWork<TItem> work,
        WorkSignal<TWorker> signal,
        string targetType,
        Guid id,
        ClaimsPrincipal admin,
        CancellationToken cancellationToken)
        where TWorker : IQueueWorker
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(signal);
        var retried = await work.RetryAsync(id, cancellationToken);
        await audit.RecordAsync(
            admin,
            new AuditEvent(
                $"{targetType}.retry",
                targetType,
                id.ToString(),
                retried ? AuditOutcome.Succeeded : AuditOutcome.Refused,
                Detail: retried ? null : "neither parked nor failing"),
            cancellationToken);
        if (retried)
        {
            signal.Notify();
        }

        return retried;
    }
}
