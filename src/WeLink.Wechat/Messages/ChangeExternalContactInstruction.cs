namespace WeLink.Wechat.Messages;

/// <summary>
/// A customer contact of a member changed (add_external_contact, del_follow_user, …). WelcomeCode,
/// when present, allows one welcome message within 20 s.
/// </summary>
public sealed record ChangeExternalContactInstruction() : SuiteInstruction(CallbackMessageKind.ChangeExternalContact)
{
    public required string AuthCorpId { get; init; }

    public required string ChangeType { get; init; }

    public string? UserId { get; init; }

    public string? ExternalUserId { get; init; }

    public string? State { get; init; }

    public string? WelcomeCode { get; init; }

    public string? FailReason { get; init; }
}
