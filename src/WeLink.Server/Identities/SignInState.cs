namespace WeLink.Server.Identities;

/// <summary>
/// What a sign-in must remember across the trip to WeChat or WeCom. It travels protected (Data Protection)
/// in a short-lived cookie; the OAuth <c>state</c> carries only <see cref="Nonce"/>, because the platforms
/// allow at most 128 alphanumeric bytes there.
/// </summary>
/// <param name="Kind"><see cref="SignInStates.Consumer"/> or <see cref="SignInStates.Staff"/>.</param>
/// <param name="Nonce">The OAuth state value: 32 random alphanumerics.</param>
/// <param name="IssuedAt">Unix seconds, checked against the server clock on return.</param>
/// <param name="ReturnUrl">A local path, checked before it was stored.</param>
/// <param name="DealerId">The dealer whose account the consumer signs in to; null for staff (WeCom names the corp).</param>
/// <param name="Scope"><c>snsapi_base</c> or <c>snsapi_userinfo</c> for consumers; null for staff.</param>
public sealed record SignInState(string Kind, string Nonce, long IssuedAt, string ReturnUrl, Guid? DealerId, string? Scope);
