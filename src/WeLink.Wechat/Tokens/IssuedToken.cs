namespace WeLink.Wechat.Tokens;

/// <summary>An access token as a token API handed it out.</summary>
public sealed record IssuedToken(string AccessToken, TimeSpan ExpiresIn);
