using System.Security.Claims;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform;

namespace WeLink.Server.Onboarding.OpenPlatform;

/// <summary>
/// Puts every account a brand authorizes under one open-platform account, so that WeChat gives a person one unionid
/// across the brand's dealers' accounts and its mini program (protocol-wave2.md §1.4, §1.6). After an authorization, and
/// when HQ asks again: an account already bound is only recorded; an unbound one is bound to the brand's open-platform
/// account (the one another of its accounts is bound to, the mini program's first), or, when the brand has none yet,
/// WeLink creates one for it, which then is the brand's. WeChat's refusals are recorded with a Chinese reason, logged and
/// audited, and never fail the authorization: the account works, its consumers just have no shared unionid.
/// </summary>
public sealed partial class OpenPlatformBinder(
    OpenBindingClient client,
    OpenPlatformBindingStore store,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<OpenPlatformBinder> logger) : IOpenPlatformBindings
{
    public const string BindAction = "open-platform.bind";

    public Task<OpenPlatformBinding?> FindAsync(string appId, CancellationToken cancellationToken) => store.FindAsync(appId, cancellationToken);

    public Task<OpenPlatformBinding> RetryAsync(ClaimsPrincipal admin, OpenPlatformAccount account, CancellationToken cancellationToken) =>
        BindAsync(admin, account, cancellationToken);

    /// <summary>Looks at the account's binding and binds it if it has none; <paramref name="actor"/> is who the audit log names.</summary>
    public async Task<OpenPlatformBinding> BindAsync(ClaimsPrincipal actor, OpenPlatformAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        string? current;
        try
        {
            current = (await client.GetAsync(account.AppId, cancellationToken)).OpenAppid;
        }
        catch (WechatApiException e) when (e.Errcode == OpenPlatformRefusals.NotBound)
        {
            current = null;
        }
        catch (Exception e) when (PlatformFailure.IsExpected(e))
        {
            // Not knowing is no reason to forget a binding WeLink saw before.
            return await store.FindAsync(account.AppId, cancellationToken) is { Bound: true } known
                ? known
                : await RefuseAsync(actor, account, e, cancellationToken);
        }

        if (current is not null)
        {
            // A replayed or renewed authorization of an account WeLink bound keeps saying WeLink bound it.
            var known = await store.FindAsync(account.AppId, cancellationToken);
            var state = known is { Bound: true } && known.OpenAppId == current ? known.State : OpenPlatformBindingState.Found;
            return await store.SaveAsync(account, current, state, null, time.GetUtcNow(), cancellationToken);
        }

        var brandOpenAppId = await store.FindBrandOpenAppIdAsync(account.BrandId, account.AppId, cancellationToken);
        try
        {
            if (brandOpenAppId is not null)
            {
                await client.BindAsync(account.AppId, brandOpenAppId, cancellationToken);
                return await RecordAsync(actor, account, brandOpenAppId, OpenPlatformBindingState.Bound, cancellationToken);
            }

            var created = (await client.CreateAsync(account.AppId, cancellationToken)).OpenAppid
                ?? throw new WechatApiException("/cgi-bin/open/create", -1, "answered no open_appid");
            return await RecordAsync(actor, account, created, OpenPlatformBindingState.Created, cancellationToken);
        }
        catch (Exception e) when (PlatformFailure.IsExpected(e))
        {
            return await RefuseAsync(actor, account, e, cancellationToken);
        }
    }

    private async Task<OpenPlatformBinding> RecordAsync(
        ClaimsPrincipal actor, OpenPlatformAccount account, string openAppId, OpenPlatformBindingState state, CancellationToken cancellationToken)
    {
        var binding = await store.SaveAsync(account, openAppId, state, null, time.GetUtcNow(), cancellationToken);
        var detail = state == OpenPlatformBindingState.Created
            ? $"本品牌还没有开放平台账号：已为这个账号创建开放平台账号 {binding.ShortOpenAppId}，品牌的其他账号将绑定到它"
            : $"已绑定到本品牌的开放平台账号 {binding.ShortOpenAppId}";
        await AuditAsync(actor, account, AuditOutcome.Succeeded, detail, cancellationToken);
        LogBound(logger, account.AppId, openAppId, state);
        return binding;
    }

    private async Task<OpenPlatformBinding> RefuseAsync(ClaimsPrincipal actor, OpenPlatformAccount account, Exception failure, CancellationToken cancellationToken)
    {
        var reason = OpenPlatformRefusals.ReasonFor(failure);
        var binding = await store.SaveAsync(account, null, OpenPlatformBindingState.Refused, reason, time.GetUtcNow(), cancellationToken);
        await AuditAsync(actor, account, AuditOutcome.Refused, reason, cancellationToken);
        LogRefused(logger, account.AppId, account.BrandId, (failure as WechatApiException)?.Errcode, failure.GetType().Name);
        return binding;
    }

    private Task AuditAsync(ClaimsPrincipal actor, OpenPlatformAccount account, string outcome, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            actor,
            new AuditEvent(BindAction, account.DealerId is null ? "miniprogram" : "official-account", account.AppId, outcome, account.BrandId, account.DealerId, detail),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AppId} is bound to open-platform account {OpenAppId} ({State})")]
    private static partial void LogBound(ILogger logger, string appId, string openAppId, OpenPlatformBindingState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Binding account {AppId} of brand {BrandId} to an open-platform account failed (errcode {Errcode}, {Failure}); it stays unbound until HQ retries")]
    private static partial void LogRefused(ILogger logger, string appId, Guid brandId, int? errcode, string failure);
}
