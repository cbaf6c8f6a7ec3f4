using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Server.Onboarding.Menus;

/// <summary>
/// Puts the brand's menu on its dealers' accounts with menu/create: on every active account when HQ changes it,
/// and on one account when it is linked. Mini-program buttons open the brand's mini program (their appid, when HQ left
/// it out) with the account's dealer in the page path (<c>{dealerId}</c> filled in, or <c>dealerId=</c> added), so a
/// consumer arrives in that dealer's context. A refusal on one account is reported, never stops the others.
/// </summary>
public sealed partial class MenuPublisher(
    BrandMenuStore menus, IDealerRegistry dealers, IBrandMiniPrograms miniPrograms, OfficialAccountClient accounts, ILogger<MenuPublisher> logger)
{
    public async Task<IReadOnlyList<MenuPublication>> PublishToBrandAsync(Guid brandId, BrandMenu menu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var miniProgram = await MiniProgramAppIdAsync(brandId, menu, cancellationToken);
        var results = new List<MenuPublication>();
        foreach (var account in await menus.ActiveAccountsAsync([.. (await dealers.DealersOfBrandAsync(brandId, cancellationToken)).Select(d => d.DealerId)], cancellationToken))
        {
            results.Add(await PublishAsync(account, menu, miniProgram, cancellationToken));
        }

        return results;
    }

    /// <summary>The brand's menu, if HQ has set one, on a newly linked account.</summary>
    public async Task<MenuPublication?> PublishToAccountAsync(Guid brandId, MenuAccount account, CancellationToken cancellationToken) =>
        await menus.FindAsync(brandId, cancellationToken) is { } menu
            ? await PublishAsync(account, menu, await MiniProgramAppIdAsync(brandId, menu, cancellationToken), cancellationToken)
            : null;

    private async Task<string?> MiniProgramAppIdAsync(Guid brandId, BrandMenu menu, CancellationToken cancellationToken) =>
        menu.HasMiniProgramButtons ? (await miniPrograms.FindOfBrandAsync(brandId, cancellationToken))?.AppId : null;

    private async Task<MenuPublication> PublishAsync(MenuAccount account, BrandMenu menu, string? miniProgram, CancellationToken cancellationToken)
    {
        try
        {
            var request = new MenuCreateRequest { Button = [.. menu.Button.Select(b => ToWire(b, account.DealerId, miniProgram))] };
            await accounts.CreateMenuAsync(account.AppId, request, cancellationToken);
            return new MenuPublication(account.AppId, true, null, account.DealerId);
        }
        catch (Exception e) when (PlatformFailure.IsExpected(e))
        {
            LogMenuRefused(logger, account.AppId, e.Message);
            return new MenuPublication(account.AppId, false, e.Message, account.DealerId);
        }
    }

    private static MenuButton ToWire(BrandMenuButton button, Guid dealerId, string? miniProgram)
    {
        var opensMiniProgram = button.Type == BrandMenu.MiniProgramType;
        return new()
        {
            Name = button.Name,
            Type = button.Type,
            Key = button.Key,
            Url = button.Url?.Replace(MiniProgramPages.DealerPlaceholder, dealerId.ToString(), StringComparison.Ordinal),
            Appid = opensMiniProgram ? button.Appid ?? miniProgram : button.Appid,
            Pagepath = opensMiniProgram && button.Pagepath is { } page ? MiniProgramPages.WithDealer(page, dealerId) : button.Pagepath,
            SubButton = button.SubButton is { Count: > 0 } subs ? [.. subs.Select(s => ToWire(s, dealerId, miniProgram))] : null,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "menu/create failed on account {AppId}: {Error}")]
    private static partial void LogMenuRefused(ILogger logger, string appId, string error);
}
