using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.Menus;
using WeLink.Server.Onboarding.MiniPrograms;
using WeLink.Server.Platform.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Messages;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.OpenPlatform.Models;

namespace WeLink.Server.Onboarding.Accounts;

/// <summary>
/// A dealer's official account, from the authorization link to the bound (or refused) link: issues the
/// pre-auth code, exchanges the authorization code exactly once whether the browser's redirect or the
/// <c>authorized</c> push brings it first, checks the account, stores the refresh token encrypted and binds.
/// </summary>
public sealed partial class AccountAuthorizations(
    ComponentClient component,
    ComponentPageUrls pages,
    IAuthorizerSecrets secrets,
    LinkStore links,
    MiniProgramLinkStore miniPrograms,
    IDealerRegistry dealers,
    GrantClaims claims,
    MenuPublisher menus,
    IDataProtectionProvider protection,
    TimeProvider time,
    ILogger<AccountAuthorizations> logger)
{
    public const string RedirectPath = "/onboarding/official-account/authorized";
    public const string WithdrawnReason = "The account's administrator withdrew WeLink's authorization in WeChat. Authorize the same account again to restore it.";

    private const LinkSide Side = LinkSide.OfficialAccount;
    private readonly IDataProtector _dealerProtector = protection.CreateProtector("WeLink.Onboarding.OfficialAccountRedirect.v1");

    /// <summary>The WeChat page (PC QR code, or the mobile page inside WeChat) where the dealer's admin authorizes WeLink.</summary>
    public async Task<Uri> StartAsync(Guid dealerId, bool mobile, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var preAuth = await component.CreatePreAuthCodeAsync(cancellationToken);
        await claims.SavePreAuthCodeAsync(preAuth.PreAuthCode, dealerId, time.GetUtcNow(), cancellationToken);
        var redirect = new Uri(publicBaseUrl, $"{RedirectPath}?dealer={Uri.EscapeDataString(_dealerProtector.Protect(dealerId.ToString("N")))}");
        return mobile
            ? pages.MobileAuthorization(preAuth.PreAuthCode, redirect, ComponentAuthType.OfficialAccount)
            : pages.PcAuthorization(preAuth.PreAuthCode, redirect, ComponentAuthType.OfficialAccount);
    }

    /// <summary>The browser came back from WeChat; the dealer id is read from the protected value WeLink put in the redirect.</summary>
    public async Task<OnboardingOutcome> CompleteRedirectAsync(string? protectedDealer, string? authCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authCode))
        {
            return OnboardingOutcome.Refused("WeChat returned no authorization code: the authorization was cancelled. Start again from WeLink.");
        }

        if (UnprotectDealer(protectedDealer) is not { } dealerId)
        {
            return OnboardingOutcome.Refused("This link was not issued by WeLink, or has been altered. Start again from WeLink.");
        }

        return await CompleteAsync(dealerId, authCode, waitForOther: true, cancellationToken) ?? OnboardingOutcome.Refused("Unknown dealer.");
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
            return OnboardingOutcome.Refused("The dealer no longer exists.");
        }

        if (!dealer.IsLive)
        {
            return await RefuseAsync(dealerId, null, $"{dealer.Name} is not approved by HQ; an official account can be linked once it is.", cancellationToken);
        }

        var authorization = (await component.QueryAuthAsync(authCode, cancellationToken)).AuthorizationInfo;
        var appId = authorization.AuthorizerAppid;
        int[] scopes = [.. authorization.FuncInfo.Select(f => f.FuncscopeCategory.Id).Distinct().Order()];
        var account = (await component.GetAuthorizerInfoAsync(appId, cancellationToken)).AuthorizerInfo;

        var owner = await links.FindAccountLinkByAppIdAsync(appId, cancellationToken);
        if (owner is not null && owner.DealerId != dealerId)
        {
            // Authorizing again rotated the refresh token: the dealer that owns the account needs the new one.
            await SaveRefreshTokenAsync(authorization, cancellationToken);
            return await RefuseAsync(dealerId, appId, AlreadyLinkedReason(account.NickName), cancellationToken);
        }

        var current = await links.FindAccountLinkAsync(dealerId, cancellationToken);
        if (current is { IsActive: true } && current.SubjectId != appId)
        {
            return await RefuseAsync(
                dealerId,
                appId,
                $"{dealer.Name} is already linked to the account {current.SubjectName}. A dealer runs on exactly one official account.",
                cancellationToken);
        }

        if (AccountRequirements.RefusalFor(account, scopes) is { } problem)
        {
            if (owner is not null)
            {
                // The dealer's own account lost something WeLink needs (updateauthorized): suspend until it is granted again.
                await SaveRefreshTokenAsync(authorization, cancellationToken);
                await links.SuspendAccountLinkAsync(appId, problem, scopes, time.GetUtcNow(), cancellationToken);
            }
            else if (await miniPrograms.FindByAppIdAsync(appId, cancellationToken) is not null)
            {
                // A brand's mini program picked on a dealer's link: authorizing rotated the token the brand signs consumers in with.
                await SaveRefreshTokenAsync(authorization, cancellationToken);
            }

            return await RefuseAsync(dealerId, appId, problem, cancellationToken);
        }

        await SaveRefreshTokenAsync(authorization, cancellationToken);
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
        return OnboardingOutcome.Bound($"{account.NickName} is now linked to {dealer.Name}.", appId);
    }

    private async Task<OnboardingOutcome> RefuseAsync(Guid dealerId, string? appId, string reason, CancellationToken cancellationToken)
    {
        await links.RecordRefusalAsync(dealerId, Side, reason, appId, time.GetUtcNow(), cancellationToken);
        LogRefused(logger, appId, dealerId, reason);
        return OnboardingOutcome.Refused(reason, appId);
    }

    private async Task SaveRefreshTokenAsync(AuthorizationInfo authorization, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(authorization.AuthorizerRefreshToken))
        {
            await secrets.SaveRefreshTokenAsync(authorization.AuthorizerAppid, authorization.AuthorizerRefreshToken, cancellationToken);
        }
    }

    private Guid? UnprotectDealer(string? protectedDealer)
    {
        if (string.IsNullOrEmpty(protectedDealer))
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_dealerProtector.Unprotect(protectedDealer), "N", out var dealerId) ? dealerId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string AlreadyLinkedReason(string nickName) =>
        $"The account {nickName} is already linked to another dealer. One official account serves exactly one dealer; "
        + "ask HQ if it should move.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Official account {AppId} bound to dealer {DealerId}")]
    private static partial void LogBound(ILogger logger, string appId, Guid dealerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Official account {AppId} refused for dealer {DealerId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? appId, Guid dealerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Official account {AppId} withdrew its authorization; its link is suspended")]
    private static partial void LogWithdrawn(ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorization push for account {AppId} matches no pre-auth code WeLink issued and no linked dealer; ignored")]
    private static partial void LogNoDealer(ILogger logger, string appId);
}
