namespace WeLink.Wechat.Messages;

/// <summary>
/// A member, department or tag of an authorized corp changed. ChangeType is create_user, update_user,
/// delete_user, create_party, update_party, delete_party or update_tag; exactly the matching one of
/// Member, Department or Tag is set. WeCom may omit sensitive member fields.
/// </summary>
public sealed record ChangeContactInstruction() : SuiteInstruction(CallbackMessageKind.ChangeContact)
{
    public required string AuthCorpId { get; init; }

    public required string ChangeType { get; init; }

    public ContactMemberChange? Member { get; init; }

    public ContactDepartmentChange? Department { get; init; }

    public ContactTagChange? Tag { get; init; }
}
