namespace WeLink.Server.Members.Contracts;

/// <summary>The customer view of members for staff and the portal, and the portal's member search.</summary>
public interface IMemberViews
{
    /// <summary>The member as the reader may see them; null when the reader's brand (or a dealer admin's dealer) has no such member.</summary>
    Task<MemberView?> GetAsync(MemberReader reader, Guid memberId, CancellationToken cancellationToken);

    /// <summary>
    /// The reader's members (HQ: the brand's; a dealer admin: their dealer's) matching a member number exactly or a name in
    /// part, newest first; every member when the text is empty. Records merged into another are not listed.
    /// </summary>
    Task<MemberSearchPage> SearchAsync(MemberReader reader, MemberSearchQuery query, CancellationToken cancellationToken);
}

/// <param name="Text">A member number or part of a name.</param>
/// <param name="Page">1-based.</param>
/// <param name="PageSize">At most 100.</param>
public sealed record MemberSearchQuery(string? Text, int Page = 1, int PageSize = 20);

public sealed record MemberSearchPage(IReadOnlyList<MemberListRow> Rows, long Total, int Page, int PageSize)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A member in the portal's list; the phone only masked.</summary>
public sealed record MemberListRow(
    Guid Id, string? Name, string? MemberNumber, string? PhoneMasked, string Status, string StatusLabel, MemberDealer HomeDealer, DateTimeOffset? JoinedAt, DateTimeOffset CreatedAt);

/// <summary>A brand's sharing setting (<see cref="MemberSharing"/>): HQ sets it in the portal.</summary>
public interface IMemberSharingSettings
{
    Task<string> GetAsync(Guid brandId, CancellationToken cancellationToken);

    Task SetAsync(Guid brandId, string sharing, CancellationToken cancellationToken);
}

/// <summary>
/// One member as a reader may see them (<see cref="MemberReader"/>): the profile with each field's source and history,
/// identities (kind, dealer, how and when linked; never an openid), vehicles, consents in force, cases with their
/// states, and one timeline newest first. <see cref="Sharing"/> says what the reader sees of other dealers: their
/// rows in full, only <see cref="OtherDealers"/> counts (summary), or nothing (none); HQ reads everything (full).
/// </summary>
public sealed record MemberView(
    Guid Id,
    string Status,
    string StatusLabel,
    string? MemberNumber,
    string? Tier,
    string? Name,
    string? PhoneMasked,
    MemberDealer HomeDealer,
    DateTimeOffset? JoinedAt,
    DateTimeOffset CreatedAt,
    string Sharing,
    IReadOnlyList<ProfileFieldView> Profile,
    IReadOnlyList<IdentityView> Identities,
    IReadOnlyList<VehicleView> Vehicles,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<MemberCaseView> Cases,
    IReadOnlyList<DealerSummaryView> OtherDealers,
    IReadOnlyList<TimelineEntryView> Timeline);

/// <summary>
/// Who reads the view: HQ (no dealer) sees everything of the brand; a dealer's staff or admin sees what sharing allows.
/// <paramref name="OwnMembersOnly"/>: a dealer admin finds only the dealer's members (home dealer, or an identity
/// there); staff reach any member of the brand the customer shows them (their card), so it is false for them.
/// </summary>
public sealed record MemberReader(Guid BrandId, Guid? DealerId, bool OwnMembersOnly = false)
{
    public static MemberReader Hq(Guid brandId) => new(brandId, null);

    public static MemberReader Staff(Guid brandId, Guid dealerId) => new(brandId, dealerId);

    public static MemberReader DealerAdmin(Guid brandId, Guid dealerId) => new(brandId, dealerId, OwnMembersOnly: true);
}

public sealed record MemberDealer(Guid Id, string Name);

/// <summary>A profile field's value now, where it came from, and its earlier values newest first.</summary>
public sealed record ProfileFieldView(string Field, string Label, string? Value, string Source, string SourceLabel, DateTimeOffset ChangedAt, IReadOnlyList<ProfileChangeView> History);

public sealed record ProfileChangeView(string? Value, string Source, string SourceLabel, DateTimeOffset ChangedAt);

public sealed record IdentityView(string Kind, string KindLabel, MemberDealer Dealer, string LinkedBy, string LinkedByLabel, DateTimeOffset LinkedAt);

public sealed record VehicleView(Guid Id, string Model, string? Plate, string? Vin, string? PurchasedOn, MemberDealer Dealer, DateTimeOffset CreatedAt);

public sealed record ConsentView(string Purpose, string PurposeLabel, bool Granted, string TextVersion, string Channel, DateTimeOffset DecidedAt);

public sealed record MemberCaseView(Guid Id, MemberDealer Dealer, string Process, string ProcessLabel, string State, string StateLabel, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

/// <summary>What a summary shows of another dealer: how many identities, vehicles and cases, the cases by process and state.</summary>
public sealed record DealerSummaryView(MemberDealer Dealer, int Identities, int Vehicles, IReadOnlyList<CaseStateCount> Cases);

public sealed record CaseStateCount(string ProcessLabel, string StateLabel, int Count);

/// <summary>One event of the member's story; <see cref="Dealer"/> is where it happened (null for the brand's own, e.g. a profile change).</summary>
public sealed record TimelineEntryView(DateTimeOffset At, string Kind, string Text, MemberDealer? Dealer);
