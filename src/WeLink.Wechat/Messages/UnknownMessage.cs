namespace WeLink.Wechat.Messages;

/// <summary>
/// A push this library does not model (or a modelled kind missing a field it needs). The raw payload
/// is kept so the inbox stores it and nothing is dropped.
/// </summary>
public sealed record UnknownMessage() : CallbackMessage(CallbackMessageKind.Unknown)
{
    public string? MsgType { get; init; }

    public string? Event { get; init; }

    public string? InfoType { get; init; }
}
