using WeLink.Server.Cases.Contracts;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Sharing;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Members.View;

/// <summary>
/// Builds the <see cref="MemberView"/> for a reader. Rows that belong to a dealer (identities, vehicles, cases) are the
/// reader's own dealer's in full; another dealer's follow the brand's sharing setting. The profile, consents and merges
/// are the brand's and shown to every reader of the brand.
/// </summary>
public sealed class MemberViews(MemberDirectory directory, MemberRows rows, MemberSharingStore sharing, ISubjectCases cases, IPersonConversations conversations, IDealerRegistry dealers) : IMemberViews
{
    /// <summary>The view, or null when no member of the reader's brand has this id (another brand's member does not exist here).</summary>
    public async Task<MemberView?> GetAsync(MemberReader reader, Guid memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (await directory.GetAsync(reader.BrandId, memberId, cancellationToken) is not { } member
            || (reader is { OwnMembersOnly: true, DealerId: { } own } && !await rows.IsOfDealerAsync(member.Id, own, cancellationToken)))
        {
            return null;
        }

        var parts = await rows.PartsAsync(reader.BrandId, member.Id, cancellationToken);
        var recordIds = await directory.RecordIdsAsync(member.Id, cancellationToken);
        var memberCases = await cases.ListAsync(reader.BrandId, MemberDirectory.CaseSubjects(recordIds, parts.Identities), cancellationToken);
        var names = (await dealers.DealersOfBrandAsync(reader.BrandId, cancellationToken)).ToDictionary(d => d.DealerId, d => d.Name);
        var shared = reader.DealerId is null ? MemberSharing.Full : await sharing.GetAsync(reader.BrandId, cancellationToken);

        MemberDealer DealerOf(Guid id) => new(id, names.GetValueOrDefault(id, "未知门店"));
        bool InFull(Guid dealerId) => reader.DealerId is null || reader.DealerId == dealerId || shared == MemberSharing.Full;

        var identities = parts.Identities.Where(i => InFull(i.DealerId))
            .Select(i => new IdentityView(i.Kind, MemberLabels.IdentityKind(i.Kind), DealerOf(i.DealerId), i.LinkedBy, MemberLabels.LinkedBy(i.LinkedBy), i.LinkedAt)).ToList();
        var vehicles = parts.Vehicles.Where(v => InFull(v.DealerId))
            .Select(v => new VehicleView(v.Id, v.Model, v.Plate, v.Vin, v.PurchasedOn, DealerOf(v.DealerId), v.CreatedAt)).ToList();
        var visibleCases = memberCases.Where(c => InFull(c.DealerId)).ToList();
        var talks = (await conversations.ListAsync(
            [.. parts.Identities.Select(i => i.ConsumerId).OfType<Guid>().Distinct()], MemberTimeline.MessagesPerConversation, cancellationToken))
            .Where(c => InFull(c.DealerId)).ToList();
        var others = shared == MemberSharing.Summary ? Summaries(reader, parts, memberCases, DealerOf) : [];

        return new MemberView(
            member.Id,
            member.Status,
            MemberLabels.Status(member.Status),
            member.MemberNumber,
            member.Tier,
            member.Name,
            member.PhoneMasked,
            DealerOf(member.HomeDealerId),
            member.JoinedAt,
            member.CreatedAt,
            shared,
            Profile(parts.ProfileChanges),
            identities,
            vehicles,
            [.. parts.Consents.GroupBy(c => c.Purpose).Select(g => g.Last())
                .Select(c => new ConsentView(c.Purpose, MemberLabels.Purpose(c.Purpose), c.Granted, c.TextVersion, c.Channel, c.DecidedAt))],
            [.. visibleCases.Select(c => new MemberCaseView(c.Id, DealerOf(c.DealerId), c.ProcessKey, c.ProcessLabel, c.State, c.StateLabel, c.CreatedAt, c.ClosedAt))],
            others,
            MemberTimeline.Of(member, parts, identities, vehicles, visibleCases, talks, DealerOf));
    }

    public async Task<MemberSearchPage> SearchAsync(MemberReader reader, MemberSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        var (page, pageSize) = (Math.Max(1, query.Page), Math.Clamp(query.PageSize, 1, 100));
        var dealerId = reader.OwnMembersOnly ? reader.DealerId : null;
        var (found, total) = await rows.SearchAsync(reader.BrandId, dealerId, query.Text?.Trim(), page, pageSize, cancellationToken);
        var names = (await dealers.DealersOfBrandAsync(reader.BrandId, cancellationToken)).ToDictionary(d => d.DealerId, d => d.Name);
        return new MemberSearchPage(
            [.. found.Select(m => new MemberListRow(
                m.Id, m.Name, m.MemberNumber, m.PhoneMasked, m.Status, MemberLabels.Status(m.Status),
                new MemberDealer(m.HomeDealerId, names.GetValueOrDefault(m.HomeDealerId, "未知门店")), m.JoinedAt, m.CreatedAt))],
            total,
            page,
            pageSize);
    }

    private static List<ProfileFieldView> Profile(IReadOnlyList<ProfileChange> changes) =>
    [
        .. changes.GroupBy(c => c.Field).Select(g =>
        {
            var latest = g.Last();
            return new ProfileFieldView(
                g.Key, MemberLabels.Field(g.Key), latest.Value, latest.Source, MemberLabels.Source(latest.Source), latest.ChangedAt,
                [.. g.Reverse().Skip(1).Select(c => new ProfileChangeView(c.Value, c.Source, MemberLabels.Source(c.Source), c.ChangedAt))]);
        }),
    ];

    /// <summary>Per other dealer the member dealt with: counts, and the cases by process and state, nothing of their content.</summary>
    private static List<DealerSummaryView> Summaries(
        MemberReader reader, MemberParts parts, IReadOnlyList<SubjectCase> memberCases, Func<Guid, MemberDealer> dealerOf)
    {
        var otherDealers = parts.Identities.Select(i => i.DealerId).Concat(parts.Vehicles.Select(v => v.DealerId)).Concat(memberCases.Select(c => c.DealerId))
            .Where(d => d != reader.DealerId).Distinct();
        return
        [
            .. otherDealers.Select(d => new DealerSummaryView(
                dealerOf(d),
                parts.Identities.Count(i => i.DealerId == d),
                parts.Vehicles.Count(v => v.DealerId == d),
                [.. memberCases.Where(c => c.DealerId == d).GroupBy(c => (c.ProcessLabel, c.StateLabel))
                    .Select(g => new CaseStateCount(g.Key.ProcessLabel, g.Key.StateLabel, g.Count()))])),
        ];
    }
}
