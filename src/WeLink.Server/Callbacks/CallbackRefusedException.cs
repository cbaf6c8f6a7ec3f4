namespace WeLink.Server.Callbacks;

/// <summary>
/// A callback WeLink will not store: answered with a 4xx ProblemDetails. <see cref="Reason"/> is a short
/// metric tag; the message says what was wrong without any part of the payload.
/// </summary>
public sealed class CallbackRefusedException : Exception
{
    public CallbackRefusedException()
    {
    }

    public CallbackRefusedException(string message)
        : base(message)
    {
    }

    public CallbackRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CallbackRefusedException(int statusCode, string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;

    public string Reason { get; } = "invalid";
}
