namespace WeLink.Wechat.Messages;

/// <summary>A corp uninstalled the app.</summary>
public sealed record CancelAuthInstruction() : SuiteInstruction(CallbackMessageKind.CancelAuth)
{
    public required string AuthCorpId { get; init; }
}
