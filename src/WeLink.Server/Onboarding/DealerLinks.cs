using System.Security.Claims;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Onboarding;

/// <summary>
/// Reads a dealer's link from its two link rows and its latest refusals. An active side is active whatever
/// was refused since (a refused second attempt changes nothing); otherwise a refusal newer than the link row wins.
/// </summary>
public sealed partial class DealerLinks(
    LinkStore links, IDealerRegistry dealers, IAccountOriginalIdCache originalIds, IAuditTrail audit, ILogger<DealerLinks> logger) : IDealerLinks
{
    public async Task<DealerLinkState> GetAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        var dealer = await dealers.FindAsync(dealerId, cancellationToken);
        if (dealer is null)
        {
            var unknown = new LinkSideState(LinkStatus.NotStarted, null, null, null);
            return new DealerLinkState(dealerId, unknown, unknown, false, "没有这个经销商。");
        }

        var refusals = await links.RefusalsAsync(dealerId, cancellationToken);
        var account = SideState(await links.FindAccountLinkAsync(dealerId, cancellationToken), refusals.FirstOrDefault(r => r.Side == LinkStore.OfficialAccountSide));
        var corp = SideState(await links.FindCorpLinkAsync(dealerId, cancellationToken), refusals.FirstOrDefault(r => r.Side == LinkStore.WeComSide));

        List<string> missing = [];
        if (!dealer.IsLive)
        {
            missing.Add("经销商尚未获品牌总部批准（或已暂停）。");
        }

        missing.AddRange(Why("公众号", account, "尚未授权公众号"));
        missing.AddRange(Why("企业微信", corp, "尚未在企业微信中安装 WeLink 应用"));
        return new DealerLinkState(dealerId, account, corp, missing.Count == 0, missing.Count == 0 ? null : string.Join(" ", missing));
    }

    public async Task<LinkSideState?> UnlinkAsync(ClaimsPrincipal admin, Guid dealerId, LinkSide side, CancellationToken cancellationToken)
    {
        var dealer = await dealers.FindAsync(dealerId, cancellationToken);
        var removed = dealer is null ? null : await links.RemoveLinkAsync(dealerId, side, cancellationToken);
        var sideName = LinkStore.SideName(side);
        await audit.RecordAsync(
            admin,
            new AuditEvent(
                "dealer.unlink",
                "dealer",
                dealerId.ToString(),
                removed is null ? AuditOutcome.Refused : AuditOutcome.Succeeded,
                dealer?.BrandId,
                dealer is null ? null : dealerId,
                removed is null ? $"{sideName}: nothing linked" : $"{sideName}: {removed.SubjectName} ({removed.SubjectId})"),
            cancellationToken);
        if (removed is null)
        {
            return null;
        }

        if (side == LinkSide.OfficialAccount)
        {
            originalIds.Forget(removed.SubjectId);
        }

        LogUnlinked(sideName, removed.SubjectId, dealerId);
        return SideState(removed, null);
    }

    private static LinkSideState SideState(LinkRecord? link, RefusalRecord? refusal)
    {
        if (link is { IsActive: true })
        {
            return new LinkSideState(LinkStatus.Active, link.SubjectId, link.SubjectName, null);
        }

        if (refusal is not null && (link is null || refusal.RefusedAt >= link.UpdatedAt))
        {
            return new LinkSideState(LinkStatus.Refused, refusal.SubjectId, refusal.SubjectId == link?.SubjectId ? link?.SubjectName : null, refusal.Reason);
        }

        return link is null
            ? new LinkSideState(LinkStatus.NotStarted, null, null, null)
            : new LinkSideState(LinkStatus.Suspended, link.SubjectId, link.SubjectName, link.StatusReason);
    }

    private static IEnumerable<string> Why(string side, LinkSideState state, string notStarted) => state.Status switch
    {
        LinkStatus.NotStarted => [$"{side}：{notStarted}。"],
        LinkStatus.Suspended => [$"{side}已暂停：{state.Reason}"],
        LinkStatus.Refused => [$"{side}被拒绝：{state.Reason}"],
        _ => [],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Dealer {DealerId}: {Side} {SubjectId} unlinked by an admin")]
    private partial void LogUnlinked(string side, string subjectId, Guid dealerId);
}
