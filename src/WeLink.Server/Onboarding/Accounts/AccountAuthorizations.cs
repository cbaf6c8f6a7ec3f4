using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.Menus;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Server.Onboarding.OpenPlatform;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Messages;
using WeLink.Wechat.OpenPlatform;

namespace WeLink.Server.Onboarding.Accounts;

/// <summary>
/// A dealer's official account, from the authorization link to the bound (or refused) link: issues the
/// pre-auth code, exchanges the authorization code exactly once whether the browser's redirect or the
/// <c>authorized</c> push brings it first, checks the account, stores the refresh token encrypted and binds.
/// </summary>
public sealed partial class AccountAuthorizations(
    ComponentAuthorization component,
    LinkStore links,
    MiniProgramLinkStore miniPrograms,
    IDealerRegistry dealers,
    GrantClaims claims,
    MenuPublisher menus,
    OpenPlatformBinder openPlatform,
    IDataProtectionProvider protection,
    TimeProvider time,
    ILogger<AccountAuthorizations> logger)
{
    public const string RedirectPath = "/onboarding/official-account/authorized";
    public const string WithdrawnReason = "公众号管理员已在微信中取消了对 WeLink 的授权。重新授权同一个公众号即可恢复。";

    private const LinkSide Side = LinkSide.OfficialAccount;
    private readonly IDataProtector _dealerProtector = protection.CreateProtector("WeLink.Onboarding.OfficialAccountRedirect.v1");

    /// <summary>The WeChat page (PC QR code, or the mobile page inside WeChat) where the dealer's admin authorizes WeLink.</summary>
    public async Task<Uri> StartAsync(Guid dealerId, bool mobile, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var preAuthCode = await component.CreatePreAuthCodeAsync(cancellationToken);
        await claims.SavePreAuthCodeAsync(preAuthCode, dealerId, time.GetUtcNow(), cancellationToken);
        var redirect = new Uri(publicBaseUrl, $"{RedirectPath}?dealer={Uri.EscapeDataString(_dealerProtector.Protect(dealerId.ToString("N")))}");
        return component.PageFor(preAuthCode, redirect, ComponentAuthType.OfficialAccount, mobile);
    }

    /// <summary>The browser came back from WeChat; the dealer id is read from the protected value WeLink put in the redirect.</summary>
    public async Task<OnboardingOutcome> CompleteRedirectAsync(string? protectedDealer, string? authCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authCode))
        {
            return OnboardingOutcome.Refused("微信没有返回授权码：授权已取消。请回到 WeLink 的经销商页重新授权。");
        }

        if (!Guid.TryParseExact(ComponentAuthorization.Unprotect(_dealerProtector, protectedDealer), "N", out var dealerId))
        {
            return OnboardingOutcome.Refused("这个链接不是 WeLink 发出的，或已被改动。请回到 WeLink 的经销商页重新授权。");
        }

        return await CompleteAsync(dealerId, authCode, waitForOther: true, cancellationToken) ?? OnboardingOutcome.Refused(OnboardingOutcome.UnknownDealer);
    }

    /// <summary>authorized, updateauthorized and unauthorized pushes; idempotent, throws so the inbox retries.</summary>
    public async Task HandlePushAsync(ComponentAuthorizationPush push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (push.Kind == CallbackMessageKind.Unauthorized)
        {
            await links.SuspendAccountLinkAsync(push.AuthorizerAppId, WithdrawnReason, null, time.GetUtcNow(), cancellationToken);
            LogWithdrawn(logger, push.AuthorizerAppId);
            return;
        }

        if (string.IsNullOrEmpty(push.AuthorizationCode))
        {
            return;
        }

        // The push names the pre-auth code WeLink issued, not the dealer; a change made in WeChat's console
        // (no pre-auth code of ours) belongs to the dealer the account is already linked to.
        var dealerId = (string.IsNullOrEmpty(push.PreAuthCode) ? null : await claims.FindPreAuthDealerAsync(push.PreAuthCode, cancellationToken))
            ?? (await links.FindAccountLinkByAppIdAsync(push.AuthorizerAppId, cancellationToken))?.DealerId;
        if (dealerId is null)
        {
            LogNoDealer(logger, push.AuthorizerAppId);
            return;
        }

        await CompleteAsync(dealerId.Value, push.AuthorizationCode, waitForOther: false, cancellationToken);
    }

    private Task<OnboardingOutcome?> CompleteAsync(Guid dealerId, string authCode, bool waitForOther, CancellationToken cancellationToken) =>
        claims.ExchangeOnceAsync(Side, authCode, dealerId, waitForOther, ct => BindAsync(dealerId, authCode, ct), cancellationToken);

    private async Task<OnboardingOutcome> BindAsync(Guid dealerId, string authCode, CancellationToken cancellationToken)
    {
        var dealer = await dealers.FindAsync(dealerId, cancellationToken);
        if (dealer is null)
        {
            return OnboardingOutcome.Refused(OnboardingOutcome.UnknownDealer);
        }

        if (!dealer.IsLive)
        {
            return await RefuseAsync(dealerId, null, $"「{dealer.Name}」尚未通过总部审核；审核通过后才能关联公众号。", cancellationToken);
        }

        var grant = await component.ExchangeAsync(authCode, cancellationToken);
        var (appId, account) = (grant.AppId, grant.Authorizer);
        int[] scopes = [.. grant.Authorization.FuncInfo.Select(f => f.FuncscopeCategory.Id).Distinct().Order()];

        var owner = await links.FindAccountLinkByAppIdAsync(appId, cancellationToken);
        if (owner is not null && owner.DealerId != dealerId)
        {
            await component.KeepRefreshTokenAsync(grant, cancellationToken);
            return await RefuseAsync(dealerId, appId, AlreadyLinkedReason(account.NickName), cancellationToken);
        }

        var current = await links.FindAccountLinkAsync(dealerId, cancellationToken);
        if (current is { IsActive: true } && current.SubjectId != appId)
        {
            return await RefuseAsync(
                dealerId,
                appId,
                $"「{dealer.Name}」已关联公众号「{current.SubjectName}」。一家经销商只使用一个公众号。",
                cancellationToken);
        }

        if (AccountRequirements.RefusalFor(account, scopes) is { } problem)
        {
            if (owner is not null)
            {
                // The dealer's own account lost something WeLink needs (updateauthorized): suspend until it is granted again.
                await component.KeepRefreshTokenAsync(grant, cancellationToken);
                await links.SuspendAccountLinkAsync(appId, problem, scopes, time.GetUtcNow(), cancellationToken);
            }
            else if (await miniPrograms.FindByAppIdAsync(appId, cancellationToken) is not null)
            {
                // A brand's mini program picked on a dealer's link: the brand signs consumers in with its rotated token.
                await component.KeepRefreshTokenAsync(grant, cancellationToken);
            }

            return await RefuseAsync(dealerId, appId, problem, cancellationToken);
        }

        await component.KeepRefreshTokenAsync(grant, cancellationToken);
        try
        {
            await links.SaveAccountLinkAsync(dealerId, appId, account.NickName, account.UserName, scopes, time.GetUtcNow(), cancellationToken);
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await RefuseAsync(dealerId, appId, AlreadyLinkedReason(account.NickName), cancellationToken);
        }

        await links.ClearRefusalAsync(dealerId, Side, cancellationToken);
        LogBound(logger, appId, dealerId);
        await menus.PublishToAccountAsync(dealer.BrandId, new MenuAccount(appId, dealerId), cancellationToken);
        await openPlatform.BindAsync(OnboardingActors.WeLink, new OpenPlatformAccount(appId, dealer.BrandId, dealerId), cancellationToken);
        return OnboardingOutcome.Bound($"公众号「{account.NickName}」已关联到「{dealer.Name}」。", appId);
    }

    private async Task<OnboardingOutcome> RefuseAsync(Guid dealerId, string? appId, string reason, CancellationToken cancellationToken)
    {
        await links.RecordRefusalAsync(dealerId, Side, reason, appId, time.GetUtcNow(), cancellationToken);
        LogRefused(logger, appId, dealerId, reason);
        return OnboardingOutcome.Refused(reason, appId);
    }

    private static string AlreadyLinkedReason(string nickName) =>
        $"公众号「{nickName}」已关联到另一家经销商。一个公众号只服务一家经销商；如需转移，请联系总部。";

    [LoggerMessage(Level = LogLevel.Information, Message = "Official account {AppId} bound to dealer {DealerId}")]
    private static partial void LogBound(ILogger logger, string appId, Guid dealerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Official account {AppId} refused for dealer {DealerId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? appId, Guid dealerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Official account {AppId} withdrew its authorization; its link is suspended")]
    private static partial void LogWithdrawn(ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorization push for account {AppId} matches no pre-auth code WeLink issued and no linked dealer; ignored")]
    private static partial void LogNoDealer(ILogger logger, string appId);
}
