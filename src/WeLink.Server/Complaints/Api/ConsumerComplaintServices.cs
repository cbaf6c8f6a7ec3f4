using WeLink.Server.Cases.Engine;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Shared;

namespace WeLink.Server.Complaints.Api;

/// <summary>What every consumer complaint endpoint uses (<c>[AsParameters]</c>): the consumer's session and scope.</summary>
public sealed record ConsumerComplaintServices(
    ConsumerSession Session, CaseEngine Engine, ComplaintStore Store, ComplaintViews Views, CancellationToken CancellationToken)
{
    /// <summary>The consumer reaches only the cases about them at the dealer of their session.</summary>
    public CaseScope Scope => CaseScope.Consumer(Session.BrandId, Session.DealerId, Session.ConsumerId);

    /// <summary>The key in this consumer's namespace, so another actor's same key is another step.</summary>
    public string KeyOf(IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.For($"consumer:{Session.ConsumerId:N}");
    }
}
