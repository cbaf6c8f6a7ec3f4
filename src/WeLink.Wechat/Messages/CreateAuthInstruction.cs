namespace WeLink.Wechat.Messages;

/// <summary>A corp installed the app; exchange AuthCode for the permanent code within 10 minutes.</summary>
public sealed record CreateAuthInstruction() : SuiteInstruction(CallbackMessageKind.CreateAuth)
{
    public required string AuthCode { get; init; }

    public string? State { get; init; }
}
