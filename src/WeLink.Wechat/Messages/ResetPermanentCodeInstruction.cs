namespace WeLink.Wechat.Messages;

/// <summary>A customized app's secret was reset; exchange AuthCode for the new permanent code.</summary>
public sealed record ResetPermanentCodeInstruction() : SuiteInstruction(CallbackMessageKind.ResetPermanentCode)
{
    public required string AuthCode { get; init; }
}
