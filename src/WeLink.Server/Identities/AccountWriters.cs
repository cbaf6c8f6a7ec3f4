using WeLink.Server.Identities.Contracts;

namespace WeLink.Server.Identities;

public sealed class AccountWriters(DealerAccounts dealerAccounts, ConsumerStore consumers) : IAccountWriters
{
    public async Task<AccountWriter?> FindOrAddAsync(string appId, string openId, CancellationToken cancellationToken)
    {
        if (await dealerAccounts.FindByAppIdAsync(appId, cancellationToken) is not { } account)
        {
            return null;
        }

        var consumerId = await consumers.SignInAsync(account, openId, unionId: null, nickname: null, cancellationToken);
        return new AccountWriter(consumerId, account.BrandId, account.DealerId, appId, openId);
    }
}
