using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Tenancy.Access.Sessions;

/// <summary>
/// Makes every cookie session (admin, staff, consumer) a server-side session, through the cookie scheme's own events:
/// signing in records a session row and puts its id in the cookie, signing out revokes the row, and every request's
/// cookie is refused once its row is revoked, so a copied cookie stops working when its owner signs out.
/// At most once per <see cref="SessionCheckOptions.RecheckInterval"/> per session and node, the row and the subject
/// (<see cref="ISessionSubjects"/>) are read again: a subject that may no longer use WeLink has its session revoked, and
/// changed roles or tenant replace the cookie's claims (the cookie is reissued), so nobody has to sign in again for a
/// role change to apply.
/// </summary>
public sealed partial class CookieSessions(
    SessionStore store,
    IEnumerable<ISessionSubjects> subjects,
    IOptions<SessionCheckOptions> options,
    TimeProvider time,
    ILogger<CookieSessions> logger) : IDisposable
{
    private readonly MemoryCache _checked = new(new MemoryCacheOptions());
    private readonly Dictionary<SessionKind, ISessionSubjects> _subjects = subjects.ToDictionary(s => s.Kind);

    public static void Attach(CookieAuthenticationEvents events, SessionKind kind)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.OnSigningIn = context => Of(context.HttpContext).SigningInAsync(context, kind);
        events.OnSigningOut = context => Of(context.HttpContext).SigningOutAsync(context);
        events.OnValidatePrincipal = context => Of(context.HttpContext).ValidateAsync(context, kind);
    }

    public void Dispose() => _checked.Dispose();

    private static CookieSessions Of(HttpContext context) => context.RequestServices.GetRequiredService<CookieSessions>();

    private async Task SigningInAsync(CookieSigningInContext context, SessionKind kind)
    {
        var identity = context.Principal?.Identities.FirstOrDefault()
            ?? throw new InvalidOperationException("A session needs an identity.");
        if (!Guid.TryParse(identity.FindFirst(WeLinkClaims.SubjectId)?.Value, out var subjectId))
        {
            throw new InvalidOperationException("A session needs a subject id.");
        }

        var sessionId = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        await store.StartAsync(sessionId, kind, subjectId, now, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(WeLinkClaims.SessionId, sessionId.ToString()));

        // Signing in has just read the subject, so this node trusts it for one interval, like any other check.
        Remember(sessionId, SessionClaims.SubjectOf(identity), now);
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

    private async Task ValidateAsync(CookieValidatePrincipalContext context, SessionKind kind)
    {
        if (context.Principal is not { } principal
            || SessionIdOf(principal) is not { } sessionId
            || !Guid.TryParse(principal.FindFirstValue(WeLinkClaims.SubjectId), out var subjectId))
        {
            context.RejectPrincipal();
            return;
        }

        var subject = await CurrentSubjectAsync(sessionId, kind, subjectId, context.HttpContext.RequestAborted);
        if (subject is null)
        {
            context.RejectPrincipal();
        }
        else if (SessionClaims.Differ(principal, subject))
        {
            context.ReplacePrincipal(SessionClaims.With(principal, subject));
            context.ShouldRenew = true;
        }
    }

    /// <summary>The subject as last read on this node, read again once the recheck interval has passed; null when the session is over.</summary>
    private async Task<SessionSubject?> CurrentSubjectAsync(Guid sessionId, SessionKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_checked.TryGetValue(sessionId, out SessionCheck? check) && now - check!.CheckedAt < options.Value.RecheckInterval)
        {
            return check.Subject;
        }

        SessionSubject? subject = null;
        if (await store.IsLiveAsync(sessionId, cancellationToken))
        {
            subject = await SubjectsOf(kind).CurrentAsync(subjectId, cancellationToken);
            if (subject is null)
            {
                // Revoking makes the end final: a subject reinstated later signs in afresh rather than reviving an old cookie.
                await store.RevokeAsync(sessionId, now, cancellationToken);
                LogEnded(kind, sessionId);
            }
        }

        Remember(sessionId, subject, now);
        return subject;
    }

    private void Remember(Guid sessionId, SessionSubject? subject, DateTimeOffset now) =>
        _checked.Set(sessionId, new SessionCheck(subject, now), new MemoryCacheEntryOptions { SlidingExpiration = options.Value.RecheckInterval * 2 });

    private ISessionSubjects SubjectsOf(SessionKind kind) =>
        _subjects.TryGetValue(kind, out var found) ? found : throw new InvalidOperationException($"No {nameof(ISessionSubjects)} is registered for {kind} sessions.");

    private static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirst(WeLinkClaims.SessionId)?.Value, out var sessionId) ? sessionId : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed out: {Scheme} session {SessionId} revoked")]
    private partial void LogRevoked(string scheme, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} session {SessionId} revoked on recheck: its subject may no longer use WeLink")]
    private partial void LogEnded(SessionKind kind, Guid sessionId);

    private sealed record SessionCheck(SessionSubject? Subject, DateTimeOffset CheckedAt);
}
