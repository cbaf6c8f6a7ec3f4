using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Server.Onboarding.Menus;

/// <summary>
/// Puts the brand's menu on its dealers' accounts with menu/create: on every active account when HQ changes it,
/// and on one account when it is linked. A refusal on one account is reported, never stops the others.
/// </summary>
public sealed partial class MenuPublisher(BrandMenuStore menus, IDealerRegistry dealers, OfficialAccountClient accounts, ILogger<MenuPublisher> logger)
{
    public async Task<IReadOnlyList<MenuPublication>> PublishToBrandAsync(Guid brandId, BrandMenu menu, CancellationToken cancellationToken)
    {
        var results = new List<MenuPublication>();
        foreach (var appId in await menus.ActiveAccountsAsync([.. (await dealers.DealersOfBrandAsync(brandId, cancellationToken)).Select(d => d.DealerId)], cancellationToken))
        {
            results.Add(await PublishAsync(appId, menu, cancellationToken));
        }

        return results;
    }

    /// <summary>The brand's menu, if HQ has set one, on a newly linked account.</summary>
    public async Task<MenuPublication?> PublishToAccountAsync(Guid brandId, string appId, CancellationToken cancellationToken) =>
        await menus.FindAsync(brandId, cancellationToken) is { } menu ? await PublishAsync(appId, menu, cancellationToken) : null;

    private async Task<MenuPublication> PublishAsync(string appId, BrandMenu menu, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.CreateMenuAsync(appId, new MenuCreateRequest { Button = [.. menu.Button.Select(ToWire)] }, cancellationToken);
            return new MenuPublication(appId, true, null);
        }
        catch (Exception e) when (PlatformFailure.IsExpected(e))
        {
            LogMenuRefused(logger, appId, e.Message);
            return new MenuPublication(appId, false, e.Message);
        }
    }

    private static MenuButton ToWire(BrandMenuButton button) => new()
    {
        Name = button.Name,
        Type = button.Type,
        Key = button.Key,
        Url = button.Url,
        Appid = button.Appid,
        Pagepath = button.Pagepath,
        SubButton = button.SubButton is { Count: > 0 } subs ? [.. subs.Select(ToWire)] : null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "menu/create failed on account {AppId}: {Error}")]
    private static partial void LogMenuRefused(ILogger logger, string appId, string error);
}
