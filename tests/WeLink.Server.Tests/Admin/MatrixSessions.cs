using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Access.Sessions;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// A sign-out revokes the server-side session it is sent with, and the matrix's callers keep one session for every call.
/// Sign-out rows are therefore sent with a fork: the caller's own ticket under a newly recorded session id, so the
/// sign-out runs as that caller and their own session stays live for the next row.
/// </summary>
public static class MatrixSessions
{
    private static readonly (string Scheme, SessionKind Kind)[] Schemes =
        [(WeLinkSchemes.Admin, SessionKind.Admin), (WeLinkSchemes.Staff, SessionKind.Staff), (WeLinkSchemes.Consumer, SessionKind.Consumer)];

    public static async Task<string> ForkAsync(WeLinkTestHost host, string cookieHeader)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(cookieHeader);
        var cookies = cookieHeader.Split("; ").Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c.Length > 1 ? c[1] : "");
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        foreach (var (scheme, kind) in Schemes)
        {
            var options = monitor.Get(scheme);
            if (options.Cookie.Name is not { } name || !cookies.TryGetValue(name, out var value) || options.TicketDataFormat.Unprotect(value) is not { } ticket)
            {
                continue;
            }

            var identity = ticket.Principal.Identities.First();
            identity.TryRemoveClaim(identity.FindFirst(WeLinkClaims.SessionId));
            var sessionId = Guid.CreateVersion7();
            var subjectId = Guid.Parse(identity.FindFirst(WeLinkClaims.SubjectId)!.Value);
            await host.Services.GetRequiredService<SessionStore>().StartAsync(sessionId, kind, subjectId, DateTimeOffset.UtcNow, CancellationToken.None);
            identity.AddClaim(new Claim(WeLinkClaims.SessionId, sessionId.ToString()));
            cookies[name] = options.TicketDataFormat.Protect(ticket);
            return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
        }

        throw new InvalidOperationException("The cookie header carries no WeLink session.");
    }
}
