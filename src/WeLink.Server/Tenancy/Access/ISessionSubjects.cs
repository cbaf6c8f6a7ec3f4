namespace WeLink.Server.Tenancy.Access;

/// <summary>
/// What a session's subject is now, read again on the session recheck path (at most once per
/// <c>Sessions:RecheckInterval</c> per session and node). The feature that signs a kind of subject in registers the one
/// for that kind: Tenancy for admins, Identities for staff and consumers.
/// </summary>
public interface ISessionSubjects
{
    SessionKind Kind { get; }

    /// <summary>
    /// The subject's tenant and roles as they are now; null when the subject may no longer use WeLink (an admin disabled,
    /// a staff member who left, a dealer suspended, an app uninstalled), which ends the session for good.
    /// </summary>
    Task<SessionSubject?> CurrentAsync(Guid subjectId, CancellationToken cancellationToken);
}
