using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Platform.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Messages;
using WeLink.Wechat.WeCom;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// A dealer's WeCom corp, from the install link to the bound (or refused) link: issues the pre-auth code in the
/// configured session mode, exchanges the install code exactly once whether the redirect or <c>create_auth</c>
/// brings it first, stores the permanent code encrypted, binds, and syncs the staff in the app's visible range.
/// Also follows the corp afterwards: change_auth re-reads the scope, cancel_auth suspends.
/// </summary>
public sealed partial class CorpInstallations(
    SuiteClient suite,
    SuitePageUrls pages,
    SuiteAuthorizationReader reader,
    DirectorySync directory,
    IAuthorizerSecrets secrets,
    LinkStore links,
    IDealerRegistry dealers,
    GrantClaims claims,
    TimeProvider time,
    IOptions<OnboardingOptions> options,
    ILogger<CorpInstallations> logger)
{
    public const string RedirectPath = "/onboarding/wecom/installed";
    public const string UninstalledReason = "企业管理员已在企业微信中卸载了 WeLink 应用。重新安装到同一个企业即可恢复。";

    private const LinkSide Side = LinkSide.WeCom;

    /// <summary>
    /// The WeCom install page. Its state is a random nonce stored with the dealer: WeCom allows only
    /// [a-zA-Z0-9] up to 128 characters there, too little for a data-protection payload, and a server-side
    /// nonce cannot be forged either.
    /// </summary>
    public async Task<Uri> StartAsync(Guid dealerId, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var preAuth = await suite.GetPreAuthCodeAsync(cancellationToken);
        await suite.SetSessionInfoAsync(preAuth.PreAuthCode, options.Value.WeComTestMode, cancellationToken);
        var state = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        await claims.SaveInstallStateAsync(state, dealerId, time.GetUtcNow(), cancellationToken);
        return pages.Install(preAuth.PreAuthCode, new Uri(publicBaseUrl, RedirectPath), state);
    }

    public async Task<OnboardingOutcome> CompleteRedirectAsync(string? state, string? authCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authCode))
        {
            return OnboardingOutcome.Refused("企业微信没有返回安装授权码：安装已取消。请回到 WeLink 的经销商页重新安装。");
        }

        if (string.IsNullOrEmpty(state) || await claims.FindInstallStateDealerAsync(state, cancellationToken) is not { } dealerId)
        {
            return OnboardingOutcome.Refused("这个安装链接不是 WeLink 发出的，或已被改动。请回到 WeLink 的经销商页重新安装。");
        }

        return await claims.ExchangeOnceAsync(Side, authCode, dealerId, waitForOther: true, ct => BindAsync(dealerId, authCode, ct), cancellationToken)
            ?? OnboardingOutcome.Refused(OnboardingOutcome.UnknownDealer);
    }

    /// <summary>
    /// create_auth: the state names the dealer when the install started in WeLink; an install from the WeCom
    /// app market has none and restores the dealer already linked to the corp, if any.
    /// </summary>
    public async Task HandleCreateAuthAsync(CreateAuthInstruction instruction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var dealerId = string.IsNullOrEmpty(instruction.State) ? null : await claims.FindInstallStateDealerAsync(instruction.State, cancellationToken);
        await claims.ExchangeOnceAsync(
            Side, instruction.AuthCode, dealerId, waitForOther: false, ct => BindAsync(dealerId, instruction.AuthCode, ct), cancellationToken);
    }

    /// <summary>change_auth: the admin changed the app's visible range (or other permissions); re-read it and re-sync staff.</summary>
    public async Task HandleChangeAuthAsync(string corpId, CancellationToken cancellationToken)
    {
        if (await links.FindCorpLinkByCorpIdAsync(corpId, cancellationToken) is not { IsActive: true } link
            || await secrets.GetPermanentCodeAsync(corpId, cancellationToken) is not { } permanentCode)
        {
            return;
        }

        var grant = await reader.ReadAsync(corpId, permanentCode, cancellationToken);
        await links.UpdateCorpAgentAsync(corpId, grant.AgentId, time.GetUtcNow(), cancellationToken);
        var count = await directory.SyncAsync(link.DealerId, corpId, grant.Privilege, cancellationToken);
        LogSynced(logger, corpId, count);
    }

    public async Task HandleCancelAuthAsync(string corpId, CancellationToken cancellationToken)
    {
        await links.SuspendCorpLinkAsync(corpId, UninstalledReason, time.GetUtcNow(), cancellationToken);
        LogUninstalled(logger, corpId);
    }

    private async Task<OnboardingOutcome> BindAsync(Guid? requestedDealerId, string authCode, CancellationToken cancellationToken)
    {
        var grant = await reader.ExchangeAsync(authCode, cancellationToken);
        var owner = await links.FindCorpLinkByCorpIdAsync(grant.CorpId, cancellationToken);
        var dealerId = requestedDealerId ?? owner?.DealerId;
        if (dealerId is null)
        {
            LogNoDealer(logger, grant.CorpId);
            return OnboardingOutcome.Refused($"「{grant.CorpName}」不是通过经销商的安装链接安装的 WeLink；请从 WeLink 的经销商页开始安装。", grant.CorpId);
        }

        // Installing again replaced the permanent code: whoever owns the corp needs the new one.
        if (owner is not null)
        {
            await secrets.SavePermanentCodeAsync(grant.CorpId, grant.PermanentCode, cancellationToken);
        }

        var dealer = await dealers.FindAsync(dealerId.Value, cancellationToken);
        if (dealer is null)
        {
            return OnboardingOutcome.Refused(OnboardingOutcome.UnknownDealer, grant.CorpId);
        }

        if (!dealer.IsLive)
        {
            return await RefuseAsync(dealer.DealerId, grant.CorpId, $"「{dealer.Name}」尚未通过总部审核；审核通过后才能关联企业微信。", cancellationToken);
        }

        if (owner is not null && owner.DealerId != dealer.DealerId)
        {
            return await RefuseAsync(dealer.DealerId, grant.CorpId, AlreadyLinkedReason(grant.CorpName), cancellationToken);
        }

        var current = await links.FindCorpLinkAsync(dealer.DealerId, cancellationToken);
        if (current is { IsActive: true } && current.SubjectId != grant.CorpId)
        {
            return await RefuseAsync(
                dealer.DealerId,
                grant.CorpId,
                $"「{dealer.Name}」已关联企业微信「{current.SubjectName}」。一家经销商只使用一个企业微信。",
                cancellationToken);
        }

        await secrets.SavePermanentCodeAsync(grant.CorpId, grant.PermanentCode, cancellationToken);
        try
        {
            await links.SaveCorpLinkAsync(dealer.DealerId, grant.CorpId, grant.CorpName, grant.AgentId, time.GetUtcNow(), cancellationToken);
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await RefuseAsync(dealer.DealerId, grant.CorpId, AlreadyLinkedReason(grant.CorpName), cancellationToken);
        }

        await links.ClearRefusalAsync(dealer.DealerId, Side, cancellationToken);
        LogBound(logger, grant.CorpId, dealer.DealerId);

        // The link stands even if the directory cannot be read now: change_auth, change_contact or a new
        // install sync it again, and staff who sign in are looked up by corp and userid.
        try
        {
            var count = await directory.SyncAsync(dealer.DealerId, grant.CorpId, grant.Privilege, cancellationToken);
            LogSynced(logger, grant.CorpId, count);
        }
        catch (Exception e) when (e is Wechat.Http.WechatApiException or HttpRequestException)
        {
            LogSyncFailed(logger, grant.CorpId, e.Message);
        }

        return OnboardingOutcome.Bound($"企业微信「{grant.CorpName}」已关联到「{dealer.Name}」。", grant.CorpId);
    }

    private async Task<OnboardingOutcome> RefuseAsync(Guid dealerId, string corpId, string reason, CancellationToken cancellationToken)
    {
        await links.RecordRefusalAsync(dealerId, Side, reason, corpId, time.GetUtcNow(), cancellationToken);
        LogRefused(logger, corpId, dealerId, reason);
        return OnboardingOutcome.Refused(reason, corpId);
    }

    private static string AlreadyLinkedReason(string corpName) =>
        $"企业微信「{corpName}」已关联到另一家经销商。一个企业只服务一家经销商；如需转移，请联系总部。";

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom corp {CorpId} bound to dealer {DealerId}")]
    private static partial void LogBound(ILogger logger, string corpId, Guid dealerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom corp {CorpId} refused for dealer {DealerId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string corpId, Guid dealerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom corp {CorpId} uninstalled the app; its link is suspended")]
    private static partial void LogUninstalled(ILogger logger, string corpId);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom corp {CorpId}: {Count} staff in the app's visible range")]
    private static partial void LogSynced(ILogger logger, string corpId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom corp {CorpId}: directory sync failed, kept the link: {Error}")]
    private static partial void LogSyncFailed(ILogger logger, string corpId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom corp {CorpId} installed WeLink with no dealer's install state and no existing link")]
    private static partial void LogNoDealer(ILogger logger, string corpId);
}
