using WeLink.Server.Shared;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Conversations.Api;

/// <summary>What every staff conversation endpoint uses (<c>[AsParameters]</c>): the signed-in staff member and their dealer.</summary>
public sealed record StaffConversationServices(HttpContext Http, ConversationStore Store, StaffConversationView View, CancellationToken CancellationToken)
{
    /// <summary>The staff policy guarantees a subject claim, so a session without a scope cannot reach here.</summary>
    public TenantScope Session =>
        TenantScope.From(Http.User, SessionKind.Staff) ?? throw new InvalidOperationException("A staff session carries no WeLink subject.");

    public Guid StaffId => Session.SubjectId;

    /// <summary>The staff member as the case engine names who acted, with their roles.</summary>
    public Actor Actor => Actor.Staff(StaffId.ToString(), [.. Session.Roles]);

    public Guid DealerId => Session.DealerId ?? throw new InvalidOperationException("A staff session carries no dealer.");

    public Guid BrandId => Session.BrandId ?? throw new InvalidOperationException("A staff session carries no brand.");

    /// <summary>The conversation when it is the caller's dealer's; null (answered 404) otherwise.</summary>
    public Task<ConversationRow?> FindAsync(Guid id) => Store.FindAsync(id, DealerId, CancellationToken);

    /// <summary>The key in this staff member's namespace for this action on this conversation, so no other action replays it.</summary>
    public string KeyOf(IdempotencyKey key, Guid conversationId, string action)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.For($"staff:{StaffId:N}:conversation:{conversationId:N}:{action}");
    }
}
