namespace WeLink.Wechat.Messages;

/// <summary>
/// authorized, updateauthorized or unauthorized (see <see cref="CallbackMessage.Kind"/>). An
/// unauthorized push carries only the authorizer appid.
/// </summary>
public sealed record ComponentAuthorizationPush : ComponentPush
{
    public ComponentAuthorizationPush(CallbackMessageKind kind)
        : base(kind)
    {
        if (kind is not (CallbackMessageKind.Authorized or CallbackMessageKind.UpdateAuthorized or CallbackMessageKind.Unauthorized))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an authorization push kind.");
        }
    }

    public required string AuthorizerAppId { get; init; }

    public string? AuthorizationCode { get; init; }

    public DateTimeOffset? AuthorizationCodeExpiredTime { get; init; }

    public string? PreAuthCode { get; init; }
}
