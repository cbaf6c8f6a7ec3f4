using WeLink.Server.Members.Contracts;

namespace WeLink.Server.Members;

/// <summary><c>member_identities.kind</c> as stored.</summary>
public static class IdentityKinds
{
    public static string Stored(IdentityKind kind) => kind switch
    {
        IdentityKind.Account => "account",
        IdentityKind.MiniProgram => "miniprogram",
        IdentityKind.UnionId => "unionid",
        IdentityKind.ExternalContact => "external_contact",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IdentityKind Parse(string stored) => stored switch
    {
        "account" => IdentityKind.Account,
        "miniprogram" => IdentityKind.MiniProgram,
        "unionid" => IdentityKind.UnionId,
        "external_contact" => IdentityKind.ExternalContact,
        _ => throw new ArgumentOutOfRangeException(nameof(stored), stored, null),
    };
}
