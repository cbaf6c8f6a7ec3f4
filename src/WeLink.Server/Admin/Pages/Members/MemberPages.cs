using WeLink.Server.Members.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages.Members;

/// <summary>How the portal reads members: a dealer admin as their dealer (their members only, sharing for the rest), HQ and the platform as the brand.</summary>
public static class MemberPages
{
    public static MemberReader ReaderOf(TenantScope scope, Guid brandId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.DealerId is { } dealerId ? MemberReader.DealerAdmin(brandId, dealerId) : MemberReader.Hq(brandId);
    }
}
