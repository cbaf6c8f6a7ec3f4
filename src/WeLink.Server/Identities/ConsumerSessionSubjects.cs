using WeLink.Server.Identities.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Identities;

/// <summary>A consumer session lives while the dealer the consumer came through is not suspended.</summary>
internal sealed class ConsumerSessionSubjects(IConsumerDirectory consumers, IDealerRegistry dealers) : ISessionSubjects
{
    public SessionKind Kind => SessionKind.Consumer;

    public async Task<SessionSubject?> CurrentAsync(Guid subjectId, CancellationToken cancellationToken) =>
        await consumers.FindAsync(subjectId, cancellationToken) is { } consumer
        && await dealers.FindAsync(consumer.DealerId, cancellationToken) is { } dealer
        && dealer.Status != DealerStatus.Suspended
            ? new SessionSubject(dealer.BrandId, dealer.DealerId, [])
            : null;
}
