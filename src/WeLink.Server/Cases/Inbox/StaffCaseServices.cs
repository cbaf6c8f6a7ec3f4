using WeLink.Server.Cases.Engine;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Inbox;

/// <summary>What every staff case endpoint uses (<c>[AsParameters]</c>): the signed-in staff member, as an actor and a scope.</summary>
public sealed record StaffCaseServices(HttpContext Http, CaseEngine Engine, StaffInboxStore Inbox, CancellationToken CancellationToken)
{
    /// <summary>The staff policy guarantees a subject claim, so a session without a scope cannot reach here.</summary>
    public TenantScope Session =>
        TenantScope.From(Http.User, SessionKind.Staff) ?? throw new InvalidOperationException("A staff session carries no WeLink subject.");

    public CaseScope Scope => CaseScope.Of(Session);

    public Actor Actor => Actor.Staff(Session.SubjectId.ToString(), [.. Session.Roles]);

    /// <summary>The key in this staff member's namespace, so another actor's same key is another step.</summary>
    public string KeyOf(IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.For($"staff:{Session.SubjectId:N}");
    }
}
