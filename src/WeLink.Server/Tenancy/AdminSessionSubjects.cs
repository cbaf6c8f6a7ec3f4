using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

/// <summary>An admin session lives while its admin is not disabled, and follows the admin's current role and scope.</summary>
internal sealed class AdminSessionSubjects(AdminUserStore users) : ISessionSubjects
{
    public SessionKind Kind => SessionKind.Admin;

    public Task<SessionSubject?> CurrentAsync(Guid subjectId, CancellationToken cancellationToken) => users.FindSubjectAsync(subjectId, cancellationToken);
}
