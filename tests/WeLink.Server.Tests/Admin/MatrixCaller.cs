using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeLink.Server.Identities;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Access.Sessions;

namespace WeLink.Server.Tests.Admin;

/// <summary>Which kind of session a route takes; its path says which (see <see cref="TenantEndpoint.Door"/>).</summary>
public enum MatrixDoor
{
    Admin,
    Consumer,
    Staff,
}

/// <summary>What one call names: a brand, a dealer and a case (on consumer routes, the case of a complaint).</summary>
public sealed record MatrixTarget(string Name, Guid BrandId, Guid DealerId, Guid CaseId, Guid PhotoId)
{
    public static MatrixTarget MadeUp() => new("made-up ids", Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
}

/// <summary>
/// Someone the isolation matrix calls as: the door and role of their session, the session as a Cookie header (sign-out
/// rows get a fork of it, see <see cref="MatrixSessions"/>, so it lives through every row), what is theirs, what belongs
/// to others and must answer 404, and strings that name others' data and so must appear in no answer they get.
/// </summary>
public sealed record MatrixCaller(
    string Name, MatrixDoor Door, string Role, string Cookie, MatrixTarget Own, IReadOnlyList<MatrixTarget> Others, IReadOnlyList<string> Secrets)
{
    public const string ConsumerRole = "consumer";

    /// <summary>
    /// The platform admin; HQ of brand X; the admin of dealer A1; a consumer of A1; a staff member of A1 in each role.
    /// Others: dealer A2 (same brand), dealer B1 (brand Y) and, for the consumer, their neighbour at A1.
    /// </summary>
    public static async Task<IReadOnlyList<MatrixCaller>> AllAsync(TenancyWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var people = await world.PeopleAsync();
        var own = new MatrixTarget("their own", world.X.Id, world.A1.Id, people.A1Consumer.ComplaintId, people.A1Consumer.PhotoId);
        var a2 = new MatrixTarget("dealer A2 of the same brand", world.X.Id, world.A2.Id, people.A2Consumer.ComplaintId, people.A2Consumer.PhotoId);
        var b1 = new MatrixTarget("dealer B1 of brand Y", world.Y.Id, world.B1.Id, people.B1Consumer.ComplaintId, people.B1Consumer.PhotoId);
        var neighbour = own with { Name = "another consumer of dealer A1", CaseId = people.A1Neighbour.ComplaintId, PhotoId = people.A1Neighbour.PhotoId };
        string[] brandY = ["hq-y@welink.test", "Brand Y", "Dealer B1", people.B1Consumer.Id.ToString(), people.B1Consumer.ComplaintId.ToString()];
        string[] dealerA2 = [.. brandY, "Dealer A2", people.A2Consumer.Id.ToString(), people.A2Consumer.ComplaintId.ToString()];
        string[] neighbours = [.. dealerA2, people.A1Neighbour.Id.ToString(), people.A1Neighbour.ComplaintId.ToString()];
        var host = world.Admin.Host;
        var consumer = new ConsumerSession(people.A1Consumer.Id, world.X.Id, world.A1.Id).ToPrincipal();
        List<MatrixCaller> callers =
        [
            new("the platform admin", MatrixDoor.Admin, AdminRoles.Platform, world.Platform.CookieHeader, own, [], []),
            new("HQ of brand X", MatrixDoor.Admin, AdminRoles.Hq, world.HqX.CookieHeader, own, [b1], brandY),
            new("the admin of dealer A1", MatrixDoor.Admin, AdminRoles.Dealer, world.DealerA1.CookieHeader, own, [a2, b1], dealerA2),
            new("a consumer of dealer A1", MatrixDoor.Consumer, ConsumerRole, await SessionCookieAsync(host, WeLinkSchemes.Consumer, SessionKind.Consumer, consumer), own, [neighbour, a2, b1], neighbours),
        ];
        foreach (var staff in people.A1StaffByRole)
        {
            var principal = new StaffSession(staff.Value, world.X.Id, world.A1.Id, [staff.Key]).ToPrincipal();
            callers.Add(new MatrixCaller(
                $"the {staff.Key} of dealer A1", MatrixDoor.Staff, staff.Key,
                await SessionCookieAsync(host, WeLinkSchemes.Staff, SessionKind.Staff, principal), own, [a2, b1], dealerA2));
        }

        return callers;
    }

    /// <summary>
    /// A session cookie exactly as the scheme issues it at sign-in, with its server-side session recorded (a cookie without
    /// one is refused); the sign-in flows themselves are tested under Identities.
    /// </summary>
    private static async Task<string> SessionCookieAsync(WeLinkTestHost host, string scheme, SessionKind kind, ClaimsPrincipal principal)
    {
        var options = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
        var now = DateTimeOffset.UtcNow;
        var sessionId = Guid.CreateVersion7();
        var subjectId = Guid.Parse(principal.FindFirst(WeLinkClaims.SubjectId)!.Value);
        await host.Services.GetRequiredService<SessionStore>().StartAsync(sessionId, kind, subjectId, now, CancellationToken.None);
        principal.Identities.First().AddClaim(new Claim(WeLinkClaims.SessionId, sessionId.ToString()));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, scheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
