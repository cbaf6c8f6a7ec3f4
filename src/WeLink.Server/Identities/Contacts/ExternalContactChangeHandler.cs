using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Identities.Contacts;

/// <summary>
/// WeCom's change_external_contact pushes (on the suite's instruction URL, doc 92277) keep <c>external_contacts</c> of a
/// dealer's corp. An add or edit reads the contact as the corp has it now (externalcontact/get: name, who follows them;
/// no unionid for a third-party app), records them, then asks whether a conversion found them or they are a person whose
/// pending_id WeLink holds for this corp (<see cref="ContactLinker"/>), and reports the contact to members with that
/// person's unionid, so members link them to that person; a member deleting the
/// customer, or the customer deleting the member, takes that member off the contact, which is deleted when nobody has
/// them. A push older than the last one applied changes nothing; a push for a corp no dealer has linked is logged and
/// skipped.
/// </summary>
public sealed partial class ExternalContactChangeHandler(
    IDealerDirectory dealers,
    IDealerRegistry registry,
    ExternalContacts contacts,
    ExternalContactStore store,
    ContactLinker linker,
    IMemberLinks members,
    ILogger<ExternalContactChangeHandler> logger) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) => message is ChangeExternalContactInstruction
    {
        ChangeType: "add_external_contact" or "add_half_external_contact" or "edit_external_contact" or "del_external_contact" or "del_follow_user",
        UserId.Length: > 0,
        ExternalUserId.Length: > 0,
    };

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var change = (ChangeExternalContactInstruction)message;
        var (corpId, userId, externalUserId) = (change.AuthCorpId, change.UserId!, change.ExternalUserId!);
        if (await dealers.FindByCorpIdAsync(corpId, cancellationToken) is not { } dealer)
        {
            LogUnknownCorp(corpId, change.ChangeType);
            return;
        }

        var at = message.CreateTime ?? inboxEvent.ReceivedAt;
        var recorded = await store.FindAsync(corpId, externalUserId, cancellationToken);
        if (recorded is not null && recorded.ChangedAt > at)
        {
            LogStale(corpId, change.ChangeType, at, recorded.ChangedAt);
            return;
        }

        if (change.ChangeType is "del_external_contact" or "del_follow_user")
        {
            await store.RemoveFollowerAsync(corpId, externalUserId, userId, at, cancellationToken);
            return;
        }

        await RecordAsync(dealer.DealerId, corpId, externalUserId, change.State, at, recorded?.UnionId, cancellationToken);
    }

    private async Task RecordAsync(
        Guid dealerId, string corpId, string externalUserId, string? state, DateTimeOffset at, string? knownUnionId, CancellationToken cancellationToken)
    {
        var (outcome, answer) = await contacts.ReadAsync(corpId, externalUserId, cancellationToken);
        if (answer is null)
        {
            // Gone again by now (a later delete is on its way), or the app was uninstalled: nothing to record.
            LogUnreadable(corpId, outcome);
            return;
        }

        var contact = answer.ExternalContact;
        var followers = answer.FollowUser.Select(f => f.Userid).Distinct().ToList();
        var record = new ExternalContactRecord(
            corpId, externalUserId, dealerId, knownUnionId, contact.Name, followers, state, followers.Count > 0 ? ExternalContactStore.Added : ExternalContactStore.Deleted, at);
        if (!await store.RecordAsync(record, cancellationToken))
        {
            return;
        }

        // Asked only once the contact is recorded: a conversion finishing at the same time writes its answer before it
        // looks for the contact, so one of the two sees the other whichever runs first (under load either may).
        var unionId = knownUnionId ?? await linker.UnionIdOfAsync(corpId, externalUserId, cancellationToken);
        if (unionId is not null && knownUnionId is null)
        {
            await store.SetUnionIdAsync(corpId, externalUserId, unionId, cancellationToken);
        }

        if (await registry.FindAsync(dealerId, cancellationToken) is { } registered)
        {
            await members.SeenAsync(
                new MemberSighting(registered.BrandId, dealerId, MemberIdentity.ExternalContact(corpId, externalUserId), unionId, Name: contact.Name),
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "change_external_contact {ChangeType} for corp {CorpId}, which no dealer links; ignored")]
    private partial void LogUnknownCorp(string corpId, string changeType);

    [LoggerMessage(Level = LogLevel.Information, Message = "change_external_contact {ChangeType} in corp {CorpId} of {At} is older than the contact's last change ({ChangedAt}); ignored")]
    private partial void LogStale(string corpId, string changeType, DateTimeOffset at, DateTimeOffset changedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "An external contact of corp {CorpId} could not be read ({Outcome}); nothing recorded")]
    private partial void LogUnreadable(string corpId, ExternalContactOutcome outcome);
}
