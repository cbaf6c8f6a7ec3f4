using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// Which cases an actor may reach: the platform (and WeLink's own timers and actions) every case, an HQ admin their
/// brand's, a dealer admin or staff member their dealer's, a consumer only the cases about them at their dealer. The
/// engine answers <see cref="CaseNotFound"/> for a case outside it, whatever the operation, exactly as for an id that
/// does not exist, so no handler checks ownership and no caller can probe another tenant's ids.
/// </summary>
public sealed record CaseScope
{
    private CaseScope(Guid? brandId, Guid? dealerId, string? subjectId, bool reachesNothing = false)
    {
        BrandId = brandId;
        DealerId = dealerId;
        SubjectId = subjectId;
        ReachesNothing = reachesNothing;
    }

    /// <summary>Every case: platform admins, and WeLink itself (timers, actions acting on the case they were given).</summary>
    public static CaseScope Platform { get; } = new(null, null, null);

    /// <summary>No case at all: a session that carries no tenant.</summary>
    public static CaseScope Nothing { get; } = new(null, null, null, reachesNothing: true);

    public Guid? BrandId { get; }

    public Guid? DealerId { get; }

    /// <summary>Set for a consumer: the case's subject must be them.</summary>
    public string? SubjectId { get; }

    private bool ReachesNothing { get; }

    public static CaseScope Brand(Guid brandId) => new(brandId, null, null);

    public static CaseScope Dealer(Guid brandId, Guid dealerId) => new(brandId, dealerId, null);

    public static CaseScope Consumer(Guid brandId, Guid dealerId, Guid consumerId) => new(brandId, dealerId, consumerId.ToString());

    /// <summary>The cases a signed-in session reaches; a session without the tenant its kind needs reaches none.</summary>
    public static CaseScope Of(TenantScope session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (session.Kind, session.BrandId, session.DealerId) switch
        {
            (SessionKind.Admin, _, _) when session.IsPlatform => Platform,
            (SessionKind.Admin, { } brand, null) => Brand(brand),
            (SessionKind.Admin or SessionKind.Staff, { } brand, { } dealer) => Dealer(brand, dealer),
            (SessionKind.Consumer, { } brand, { } dealer) => Consumer(brand, dealer, session.SubjectId),
            _ => Nothing,
        };
    }

    public bool Reaches(Guid brandId, Guid dealerId, string? subjectId) =>
        !ReachesNothing
        && (BrandId is null || BrandId == brandId)
        && (DealerId is null || DealerId == dealerId)
        && (SubjectId is null || SubjectId == subjectId);

    internal bool Reaches(CaseRow row) => Reaches(row.BrandId, row.DealerId, row.SubjectId);
}
