namespace WeLink.Sandbox.World;

/// <summary>The company behind a set of accounts; a consumer's unionid is the same across one owner's accounts.</summary>
public sealed record Owner(string Id, string Name);

/// <summary>
/// A template in an account's library. <paramref name="Content"/> is how WeChat lays its messages out, one line a field
/// (<c>投诉主题：{{keyword1.DATA}}</c>); null when the world was given only a title.
/// </summary>
public sealed record MessageTemplate(string TemplateId, string Title, string? Content = null);

/// <summary>
/// An open-platform account (开放平台账号): the accounts bound to it share each consumer's unionid. The owner's own,
/// made in the console, is verified; one a component made with cgi-bin/open/create is not (<paramref name="CreatedByApi"/>).
/// </summary>
public sealed record OpenAccount(string OpenAppId, string OwnerId, bool CreatedByApi);

/// <summary>
/// An official account (service or subscription) or a mini-program. <paramref name="OpenAppId"/> is the open-platform
/// account it is bound to; null when unbound, and then WeChat gives no unionid for it.
/// </summary>
public sealed record OfficialAccount(
    string AppId,
    string OriginalId,
    string Nickname,
    string PrincipalName,
    AccountKind Kind,
    bool Verified,
    string OwnerId,
    IReadOnlyList<MessageTemplate> Templates,
    IReadOnlyList<MessageTemplate> SubscribeTemplates,
    string? OpenAppId = null)
{
    /// <summary>Template and subscribe notices need a verified service account (permission sets 7 and 89).</summary>
    public bool CanSendNotices => Kind == AccountKind.ServiceAccount && Verified;
}

/// <summary>
/// A person with a WeChat account; their openid differs per official account. <paramref name="Phone"/> is the mainland
/// number bound to their WeChat, which a mini program's getPhoneNumber button hands out; null in a state file written
/// before consumers had one.
/// </summary>
public sealed record Consumer(string Id, string Nickname, string AvatarUrl, string? Phone = null);

/// <summary>One consumer as seen by one account; no unionid while the account is bound to no open-platform account.</summary>
public sealed record ConsumerIdentity(string ConsumerId, string AppId, string OpenId, string? UnionId);

public sealed record Follow(bool Subscribed, DateTimeOffset Since, string Scene, string? QrScene);

public sealed record QrCode(string Ticket, string AppId, string Scene, DateTimeOffset? ExpiresAt);

/// <summary>
/// A WeCom corp. <paramref name="OwnerId"/> is its verified subject (主体) when it is an owner's: idconvert's subject_type 0
/// converts only a unionid and openid of that owner's accounts; null for a corp of no owner the world knows.
/// </summary>
public sealed record WecomCorp(string CorpId, string Name, string FullName, int AgentId, string? OwnerId = null);

/// <summary>
/// The pending_id WeCom issued for a person who was not (yet) a contact of the corp when a unionid of theirs was converted
/// (idconvert/unionid_to_external_userid): the same for that person and corp while it is valid, 90 days from issue.
/// </summary>
public sealed record PendingIdEntry(string CorpId, string ConsumerId, string PendingId, DateTimeOffset IssuedAt);

/// <summary>What unionid_to_external_userid finds: the contact, a pending_id, or that the ids or subjects do not match.</summary>
public sealed record UnionIdConversion(UnionIdConversionOutcome Outcome, string? ExternalUserId = null, string? PendingId = null);

public enum UnionIdConversionOutcome
{
    Converted,

    /// <summary>The openid is no account's, the unionid not the one its open-platform account issued, or a subject differs.</summary>
    Mismatch,
}

public sealed record Department(int Id, string Name, int ParentId);

public sealed record StaffMember(
    string UserId,
    string OpenUserId,
    string Name,
    IReadOnlyList<int> Departments,
    string Position,
    string Mobile);

/// <summary>
/// A consumer added as a WeCom external contact by some staff members of one corp. Their external_userid stays when every
/// member has let them go (<paramref name="FollowUserIds"/> empty), so adding them again finds the same contact.
/// <paramref name="Remarks"/> are the remarks members gave them, by userid. No unionid: WeCom shows none to a third-party
/// app (protocol-wave2.md §7.2), which converts a unionid it got elsewhere with idconvert instead.
/// </summary>
public sealed record ExternalContact(
    string ExternalUserId,
    string ConsumerId,
    string Name,
    IReadOnlyList<string> FollowUserIds,
    DateTimeOffset AddedAt,
    IReadOnlyDictionary<string, string>? Remarks = null)
{
    public string RemarkOf(string userId) => Remarks?.GetValueOrDefault(userId) ?? "";
}
