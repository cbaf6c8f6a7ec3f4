using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Messages;
using WeLink.Wechat.WeCom;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// change_contact member events keep a linked corp's staff rows current. Department and tag changes can move
/// people in or out of the visible range without a member event; WeCom sends change_auth when the range itself
/// changes, which re-syncs everyone.
/// </summary>
public sealed class ContactChangeHandler(LinkStore links, StaffStore staff, CorpClient corp, TimeProvider time) : IInboxHandler, IAcceptsCallbacks
{
    public static bool Accepts(CallbackMessage message) =>
        message is ChangeContactInstruction { Member: not null, ChangeType: "create_user" or "update_user" or "delete_user" };

    public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        var change = (ChangeContactInstruction)message;
        var member = change.Member!;
        if (await links.FindCorpLinkByCorpIdAsync(change.AuthCorpId, cancellationToken) is not { } link)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (change.ChangeType == "delete_user")
        {
            await staff.MarkLeftAsync(change.AuthCorpId, member.UserId, now, cancellationToken);
            return;
        }

        var userId = member.UserId;
        if (!string.IsNullOrEmpty(member.NewUserId) && member.NewUserId != member.UserId)
        {
            await staff.RenameAsync(change.AuthCorpId, member.UserId, member.NewUserId, now, cancellationToken);
            userId = member.NewUserId;
        }

        // WeCom may leave the name out of the push; the member API answers with what the app may see.
        var name = member.Name ?? (await corp.GetUserAsync(change.AuthCorpId, userId, cancellationToken)).Name ?? "";
        await staff.UpsertAsync(link.DealerId, change.AuthCorpId, userId, name, now, cancellationToken);
    }
}
