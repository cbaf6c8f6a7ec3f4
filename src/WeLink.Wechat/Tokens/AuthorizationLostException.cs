namespace WeLink.Wechat.Tokens;

/// <summary>
/// WeLink holds no working credential for an authorizer account or a corp (refresh token or permanent
/// code lost, or authorization withdrawn): only a new authorization by its admin brings it back.
/// </summary>
public sealed class AuthorizationLostException : Exception
{
    public AuthorizationLostException()
    {
    }

    public AuthorizationLostException(string message)
        : base(message)
    {
    }

    public AuthorizationLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
