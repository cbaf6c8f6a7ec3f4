namespace WeLink.Sandbox.Credentials;

/// <summary>A token as issued; <see cref="Subject"/> is whose it is (component appid, authorizer appid, suite id, corpid, appid/openid).</summary>
public sealed record IssuedToken(string Value, TokenKind Kind, string Subject, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public int ExpiresInSeconds => (int)(ExpiresAt - IssuedAt).TotalSeconds;
}
