using WeLink.Server.Cases.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Complaints;

/// <summary>Who a new complaint goes to: the dealer's active service advisor with the fewest open cases.</summary>
public sealed class AdvisorPicker(IStaffDirectory staff, IAssigneeWorkload workload)
{
    /// <summary>Ties go to the lowest id, so the choice is stable; null when the dealer has no active advisor.</summary>
    public async Task<Guid?> LeastBusyAdvisorAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        var advisors = await staff.ActiveInRolesAsync(dealerId, [StaffRoles.ServiceAdvisor], cancellationToken);
        if (advisors.Count == 0)
        {
            return null;
        }

        var open = await workload.OpenCasesByAssigneeAsync(dealerId, cancellationToken);
        return advisors.MinBy(a => (open.GetValueOrDefault(a.StaffId), a.StaffId))!.StaffId;
    }
}
