using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Tenancy.Access.Sessions;

/// <summary>
/// Makes every cookie session (admin, staff, consumer) a server-side session, through the cookie scheme's own events:
/// signing in records a session row and puts its id in the cookie, signing out revokes the row, and every request's
/// cookie is refused once its row is revoked, so a copied cookie stops working when its owner signs out. Liveness is
/// read from the database at most once per <see cref="SessionCheckOptions.RecheckInterval"/> per session and node.
/// </summary>
public sealed partial class SessionRevocation(
    SessionStore store, IOptions<SessionCheckOptions> options, TimeProvider time, ILogger<SessionRevocation> logger) : IDisposable
{
    private readonly MemoryCache _checked = new(new MemoryCacheOptions());

    public static void Attach(CookieAuthenticationEvents events, SessionKind kind)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.OnSigningIn = context => Of(context.HttpContext).SigningInAsync(context, kind);
        events.OnSigningOut = context => Of(context.HttpContext).SigningOutAsync(context);
        events.OnValidatePrincipal = context => Of(context.HttpContext).ValidateAsync(context);
    }

    public void Dispose() => _checked.Dispose();

    private static SessionRevocation Of(HttpContext context) => context.RequestServices.GetRequiredService<SessionRevocation>();

    private async Task SigningInAsync(CookieSigningInContext context, SessionKind kind)
    {
        var identity = context.Principal?.Identities.FirstOrDefault()
            ?? throw new InvalidOperationException("A session needs an identity.");
        if (!Guid.TryParse(identity.FindFirst(WeLinkClaims.SubjectId)?.Value, out var subjectId))
        {
            throw new InvalidOperationException("A session needs a subject id.");
        }

        var sessionId = Guid.CreateVersion7();
        await store.StartAsync(sessionId, kind, subjectId, time.GetUtcNow(), context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(WeLinkClaims.SessionId, sessionId.ToString()));
    }

    private async Task SigningOutAsync(CookieSigningOutContext context)
    {
        var signedIn = await context.HttpContext.AuthenticateAsync(context.Scheme.Name);
        if (SessionIdOf(signedIn.Principal) is not { } sessionId)
        {
            return;
        }

        await store.RevokeAsync(sessionId, time.GetUtcNow(), CancellationToken.None);
        _checked.Remove(sessionId);
        LogRevoked(context.Scheme.Name, sessionId);
    }

    private async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (SessionIdOf(context.Principal) is not { } sessionId || !await IsLiveAsync(sessionId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
        }
    }

    private async Task<bool> IsLiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_checked.TryGetValue(sessionId, out LivenessCheck? check) && now - check!.CheckedAt < options.Value.RecheckInterval)
        {
            return check.Live;
        }

        var live = await store.IsLiveAsync(sessionId, cancellationToken);
        _checked.Set(sessionId, new LivenessCheck(live, now), new MemoryCacheEntryOptions { SlidingExpiration = options.Value.RecheckInterval * 2 });
        return live;
    }

    private static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(WeLinkClaims.SessionId)?.Value, out var sessionId) ? sessionId : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed out: {Scheme} session {SessionId} revoked")]
    private partial void LogRevoked(string scheme, Guid sessionId);

    private sealed record LivenessCheck(bool Live, DateTimeOffset CheckedAt);
}
