using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace WeLink.Server.Identities;

/// <summary>
/// Issues and redeems <see cref="SignInState"/>: protected into a cookie of this browser, keyed by a random
/// nonce that goes out as the OAuth <c>state</c>. A callback whose state does not match this browser's
/// cookie (forged, replayed, or started elsewhere) or that returns after <see cref="Lifetime"/> is refused.
/// </summary>
public sealed class SignInStates(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string Consumer = "consumer";
    public const string Staff = "staff";

    /// <summary>Longer than WeChat's 5-minute code life, short enough that a stale tab cannot sign in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("WeLink.Identities.SignInState");

    public static string CookieName(string kind) => "welink.signin." + kind;

    /// <summary>Stores the state in this browser and returns the nonce to send as OAuth <c>state</c>.</summary>
    public string Issue(HttpContext http, string kind, string returnUrl, Guid? dealerId, string? scope)
    {
        ArgumentNullException.ThrowIfNull(http);
        var nonce = RandomNumberGenerator.GetString(Alphanumerics, 32);
        var state = new SignInState(kind, nonce, time.GetUtcNow().ToUnixTimeSeconds(), returnUrl, dealerId, scope);
        var json = JsonSerializer.Serialize(state, IdentitiesJsonContext.Default.SignInState);
        http.Response.Cookies.Append(CookieName(kind), _protector.Protect(json), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            // Lax: the platform sends the browser back with a top-level GET, which carries Lax cookies.
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            Path = "/",
        });
        return nonce;
    }

    /// <summary>The state this browser started with, once; null when forged, replayed, foreign or expired.</summary>
    public SignInState? Redeem(HttpContext http, string kind, string? returnedNonce)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cookie = http.Request.Cookies[CookieName(kind)];
        http.Response.Cookies.Delete(CookieName(kind), new CookieOptions { Path = "/" });
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(returnedNonce) || Read(cookie) is not { } state)
        {
            return null;
        }

        var matches = state.Kind == kind && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(state.Nonce), Encoding.UTF8.GetBytes(returnedNonce));
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(state.IssuedAt);
        return matches && age >= TimeSpan.Zero && age <= Lifetime ? state : null;
    }

    private SignInState? Read(string cookie)
    {
        try
        {
            return JsonSerializer.Deserialize(_protector.Unprotect(cookie), IdentitiesJsonContext.Default.SignInState);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
