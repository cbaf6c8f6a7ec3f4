using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.OpenPlatform;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Messages;
using WeLink.Wechat.OpenPlatform;

namespace WeLink.Server.Onboarding.MiniPrograms;

/// <summary>
/// A brand's mini program, from HQ's authorization link to the bound (or refused) link: the component flow of the
/// dealers' official accounts in its mini-program variant (pre-auth code with auth_type 2). The authorization code is
/// exchanged exactly once whether the browser's redirect or the <c>authorized</c> push brings it first; the mini
/// program is checked (a mini program, not another brand's, the brand's only one), its refresh token stored encrypted,
/// the link bound and audited in the name of the HQ admin who asked.
/// </summary>
public sealed partial class MiniProgramAuthorizations(
    ComponentAuthorization component,
    MiniProgramLinkStore miniPrograms,
    MiniProgramPreAuthCodes preAuthCodes,
    LinkStore accountLinks,
    GrantClaims claims,
    OpenPlatformBinder openPlatform,
    IAuditTrail audit,
    IDataProtectionProvider protection,
    TimeProvider time,
    ILogger<MiniProgramAuthorizations> logger)
{
    public const string RedirectPath = "/onboarding/miniprogram/authorized";
    public const string AuthorizeAction = "brand.miniprogram.authorize";
    public const string WithdrawAction = "brand.miniprogram.withdrawn";

    private readonly IDataProtector _grantProtector = protection.CreateProtector("WeLink.Onboarding.MiniProgramRedirect.v1");

    /// <summary>The WeChat page (PC QR code, or the mobile page inside WeChat) where the mini program's administrator authorizes WeLink.</summary>
    public async Task<Uri> StartAsync(Guid brandId, ClaimsPrincipal admin, bool mobile, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var preAuthCode = await component.CreatePreAuthCodeAsync(cancellationToken);
        var adminId = Guid.TryParse(admin.FindFirstValue(WeLinkClaims.SubjectId), out var id) ? id : (Guid?)null;
        var issued = new MiniProgramPreAuth(brandId, adminId, admin.FindFirstValue(WeLinkClaims.Email) ?? "unknown");
        await preAuthCodes.SaveAsync(preAuthCode, issued, time.GetUtcNow(), cancellationToken);

        // The redirect names the pre-auth code (which names the brand and the admin), protected so it cannot be swapped.
        var redirect = new Uri(publicBaseUrl, $"{RedirectPath}?grant={Uri.EscapeDataString(_grantProtector.Protect(preAuthCode))}");
        return component.PageFor(preAuthCode, redirect, ComponentAuthType.MiniProgram, mobile);
    }

    /// <summary>The browser came back from WeChat with the authorization code.</summary>
    public async Task<OnboardingOutcome> CompleteRedirectAsync(string? protectedGrant, string? authCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authCode))
        {
            return OnboardingOutcome.Refused("微信没有返回授权码：授权已取消。请回到 WeLink 的品牌页重新授权。");
        }

        if (await FindIssuedAsync(protectedGrant, cancellationToken) is not { } issued)
        {
            return OnboardingOutcome.Refused("这个链接不是 WeLink 发出的，或已被改动。请回到 WeLink 的品牌页重新授权。");
        }

        return await CompleteAsync(issued, authCode, waitForOther: true, cancellationToken)
            ?? OnboardingOutcome.Refused("这次授权没有完成，请回到 WeLink 的品牌页重新授权。");
    }

    /// <summary>
    /// An authorization push, if it is a brand mini program's: one of WeLink's mini-program links, a change made in WeChat
    /// to a brand's mini program, or its withdrawal. False for everything else (the dealers' official accounts).
    /// Idempotent; throws so the inbox retries.
    /// </summary>
    public async Task<bool> TryHandlePushAsync(ComponentAuthorizationPush push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (push.Kind == CallbackMessageKind.Unauthorized)
        {
            if (await miniPrograms.FindByAppIdAsync(push.AuthorizerAppId, cancellationToken) is not { } withdrawn)
            {
                return false;
            }

            await miniPrograms.WithdrawAsync(withdrawn.AppId, time.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(
                OnboardingActors.Of(null, OnboardingActors.WeChat),
                new AuditEvent(WithdrawAction, "miniprogram", withdrawn.AppId, AuditOutcome.Succeeded, withdrawn.BrandId, null,
                    $"小程序「{withdrawn.NickName}」的管理员在微信中取消了对 WeLink 的授权"),
                cancellationToken);
            LogWithdrawn(logger, withdrawn.AppId, withdrawn.BrandId);
            return true;
        }

        // A push carrying another pre-auth code is a dealer's link: its own flow exchanges the code, exactly once.
        var issued = string.IsNullOrEmpty(push.PreAuthCode)
            ? await miniPrograms.FindByAppIdAsync(push.AuthorizerAppId, cancellationToken) is { } linked
                ? new MiniProgramPreAuth(linked.BrandId, null, OnboardingActors.WeChat)
                : null
            : await preAuthCodes.FindAsync(push.PreAuthCode, cancellationToken);
        if (issued is null)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(push.AuthorizationCode))
        {
            await CompleteAsync(issued, push.AuthorizationCode, waitForOther: false, cancellationToken);
        }

        return true;
    }

    private Task<OnboardingOutcome?> CompleteAsync(MiniProgramPreAuth issued, string authCode, bool waitForOther, CancellationToken cancellationToken) =>
        claims.ExchangeMiniProgramOnceAsync(authCode, waitForOther, ct => BindAsync(issued, authCode, ct), cancellationToken);

    private async Task<OnboardingOutcome> BindAsync(MiniProgramPreAuth issued, string authCode, CancellationToken cancellationToken)
    {
        var grant = await component.ExchangeAsync(authCode, cancellationToken);
        var (appId, authorizer) = (grant.AppId, grant.Authorizer);
        if (authorizer.MiniProgramInfo is null)
        {
            if (await accountLinks.FindAccountLinkByAppIdAsync(appId, cancellationToken) is not null)
            {
                await component.KeepRefreshTokenAsync(grant, cancellationToken);
            }

            return await RefuseAsync(issued, appId, $"「{authorizer.NickName}」是公众号，不是小程序。品牌的小程序请在授权页面选择小程序；经销商的公众号在经销商页面授权。", cancellationToken);
        }

        var owner = await miniPrograms.FindByAppIdAsync(appId, cancellationToken);
        if (owner is not null && owner.BrandId != issued.BrandId)
        {
            await component.KeepRefreshTokenAsync(grant, cancellationToken);
            return await RefuseAsync(issued, appId, AlreadyLinkedReason(authorizer.NickName), cancellationToken);
        }

        if (await miniPrograms.FindOfBrandAsync(issued.BrandId, cancellationToken) is { Active: true } current && current.AppId != appId)
        {
            return await RefuseAsync(
                issued,
                appId,
                $"本品牌已关联小程序「{current.NickName}」（{current.AppId}）。一个品牌只有一个小程序；请授权这个小程序，或先在微信中取消它的授权。",
                cancellationToken);
        }

        await component.KeepRefreshTokenAsync(grant, cancellationToken);
        bool saved;
        try
        {
            saved = await miniPrograms.SaveAsync(issued.BrandId, appId, authorizer.NickName, authorizer.UserName, time.GetUtcNow(), cancellationToken);
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            saved = false;
        }

        if (!saved)
        {
            return await RefuseAsync(issued, appId, AlreadyLinkedReason(authorizer.NickName), cancellationToken);
        }

        await audit.RecordAsync(
            OnboardingActors.Of(issued.AdminId, issued.AdminEmail),
            new AuditEvent(AuthorizeAction, "miniprogram", appId, AuditOutcome.Succeeded, issued.BrandId, null, $"小程序「{authorizer.NickName}」"),
            cancellationToken);
        LogBound(logger, appId, issued.BrandId);
        await openPlatform.BindAsync(OnboardingActors.Of(issued.AdminId, issued.AdminEmail), new OpenPlatformAccount(appId, issued.BrandId, null), cancellationToken);
        return OnboardingOutcome.Bound($"小程序「{authorizer.NickName}」已关联到本品牌，消费者现在可以在小程序中登录。", appId);
    }

    private async Task<OnboardingOutcome> RefuseAsync(MiniProgramPreAuth issued, string appId, string reason, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(
            OnboardingActors.Of(issued.AdminId, issued.AdminEmail),
            new AuditEvent(AuthorizeAction, "miniprogram", appId, AuditOutcome.Refused, issued.BrandId, null, reason),
            cancellationToken);
        LogRefused(logger, appId, issued.BrandId, reason);
        return OnboardingOutcome.Refused(reason, appId);
    }

    private async Task<MiniProgramPreAuth?> FindIssuedAsync(string? protectedGrant, CancellationToken cancellationToken) =>
        ComponentAuthorization.Unprotect(_grantProtector, protectedGrant) is { } preAuthCode
            ? await preAuthCodes.FindAsync(preAuthCode, cancellationToken)
            : null;

    private static string AlreadyLinkedReason(string nickName) =>
        $"小程序「{nickName}」已关联到另一个品牌。一个小程序只服务一个品牌；如需转移，请联系平台管理员。";

    [LoggerMessage(Level = LogLevel.Information, Message = "Mini program {AppId} bound to brand {BrandId}")]
    private static partial void LogBound(ILogger logger, string appId, Guid brandId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mini program {AppId} refused for brand {BrandId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string appId, Guid brandId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mini program {AppId} of brand {BrandId} withdrew its authorization; its link is withdrawn")]
    private static partial void LogWithdrawn(ILogger logger, string appId, Guid brandId);
}
