using WeLink.Server.Data.Queues;

namespace WeLink.Server.Identities.Contacts;

/// <summary>
/// Where consumer writes hand over a unionid learned with an openid: one insert and a wake-up for this node's worker, never
/// a WeCom call on the follow's path.
/// </summary>
public sealed class ContactConversionIntake(ContactConversionStore store, WorkSignal<ContactConversionWorker> signal)
{
    public async Task QueueAsync(DealerAccount account, string appId, string openId, string? unionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (unionId is not null && await store.QueueAsync(account.BrandId, account.DealerId, appId, openId, unionId, cancellationToken))
        {
            signal.Notify();
        }
    }
}
