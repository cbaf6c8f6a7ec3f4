using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Shared;

namespace WeLink.Server.Members.DataRights;

/// <summary>
/// A deleted member's personal data in the other features, each erased through its own contract once the member's rows
/// are: case messaging's recipients, the conversations, the raw pushes, and last the consumer rows (the others find the
/// person through them).
/// </summary>
public sealed class MemberErasures(
    ICaseRecipientErasure caseRecipients, IPersonConversations conversations, IInboxErasure inbox, IConsumerErasure consumers)
{
    public async Task EraseAsync(IReadOnlyList<MemberIdentityRow> identities, IReadOnlyCollection<Guid> consumerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identities);
        foreach (var identity in identities.Where(i => i.IdentityKind is IdentityKind.Account or IdentityKind.MiniProgram))
        {
            await caseRecipients.AnonymiseAsync(identity.Subject, Anonymised.Marker(identity.Id), cancellationToken);
        }

        await conversations.EraseAsync(consumerIds, cancellationToken);
        await inbox.EraseAsync([.. identities.Select(i => i.Subject).Where(s => !Anonymised.Is(s))], cancellationToken);
        await consumers.AnonymiseAsync(consumerIds, cancellationToken);
    }
}
