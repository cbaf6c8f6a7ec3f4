namespace WeLink.Server.Members.Contracts;

/// <summary>How a person reached the brand: an official account's openid, the mini program's, WeChat's unionid or a corp's external contact.</summary>
public enum IdentityKind
{
    Account,
    MiniProgram,
    UnionId,
    ExternalContact,
}

/// <summary>
/// One identity of a person: <paramref name="Scope"/> is the appid of the account or mini program, the corpid of an
/// external contact, and empty for a unionid (one open-platform account per brand gives it).
/// </summary>
public sealed record MemberIdentity(IdentityKind Kind, string Scope, string Subject)
{
    public static MemberIdentity Account(string appId, string openId) => new(IdentityKind.Account, appId, openId);

    public static MemberIdentity MiniProgram(string appId, string openId) => new(IdentityKind.MiniProgram, appId, openId);

    public static MemberIdentity UnionId(string unionId) => new(IdentityKind.UnionId, "", unionId);

    public static MemberIdentity ExternalContact(string corpId, string externalUserId) => new(IdentityKind.ExternalContact, corpId, externalUserId);
}
