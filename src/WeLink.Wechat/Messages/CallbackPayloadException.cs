namespace WeLink.Wechat.Messages;

/// <summary>
/// A callback payload was refused: not well-formed, too large, or carrying a DTD or entities. The
/// message never includes the payload itself.
/// </summary>
public sealed class CallbackPayloadException : Exception
{
    public CallbackPayloadException()
    {
    }

    public CallbackPayloadException(string message)
        : base(message)
    {
    }

    public CallbackPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
