using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Identities;

/// <summary>
/// A staff session lives while what let the member sign in still holds: the member is in the app's visible range
/// (WeCom's directory sync keeps them active), the dealer is not suspended, and WeLink's app is still installed in the
/// member's corp. It follows the roles the dealer admin gives.
/// </summary>
internal sealed class StaffSessionSubjects(IStaffDirectory staff, IDealerRegistry dealers, IDealerDirectory links) : ISessionSubjects
{
    public SessionKind Kind => SessionKind.Staff;

    public async Task<SessionSubject?> CurrentAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        if (await staff.FindAsync(subjectId, cancellationToken) is not { Active: true } member
            || await dealers.FindAsync(member.DealerId, cancellationToken) is not { } dealer
            || dealer.Status == DealerStatus.Suspended
            || await links.ActiveCorpAsync(member.DealerId, cancellationToken) is not { } corp
            || corp.CorpId != member.CorpId)
        {
            return null;
        }

        return new SessionSubject(dealer.BrandId, dealer.DealerId, member.Roles);
    }
}
