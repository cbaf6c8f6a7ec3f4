namespace WeLink.Server.Members.View;

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

/// <summary>Who reads the view: HQ (no dealer) sees everything of the brand; a dealer's staff or admin sees what sharing allows.</summary>
public sealed record MemberReader(Guid BrandId, Guid? DealerId)
{
    public static MemberReader Hq(Guid brandId) => new(brandId, null);

    public static MemberReader Dealer(Guid brandId, Guid dealerId) => new(brandId, dealerId);
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
