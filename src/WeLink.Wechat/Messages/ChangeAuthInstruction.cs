namespace WeLink.Wechat.Messages;

/// <summary>A corp changed what the app may access; re-read the authorization info.</summary>
public sealed record ChangeAuthInstruction() : SuiteInstruction(CallbackMessageKind.ChangeAuth)
{
    public required string AuthCorpId { get; init; }

    public string? State { get; init; }
}
