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

/// <summary>What one call names: a brand, a dealer, a case (on consumer routes, the case of a complaint) and the consumer's member.</summary>
public sealed record MatrixTarget(string Name, Guid BrandId, Guid DealerId, Guid CaseId, Guid PhotoId, Guid ConversationId, Guid MessageId, Guid MemberId)
{
    public static MatrixTarget MadeUp() =>
        new("made-up ids", Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    public static MatrixTarget Of(string name, Guid brandId, MatrixConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        return new(name, brandId, consumer.DealerId, consumer.ComplaintId, consumer.PhotoId, consumer.ConversationId, consumer.PictureMessageId, consumer.MemberId);
    }
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
        var own = MatrixTarget.Of("their own", world.X.Id, people.A1Consumer);
        var a2 = MatrixTarget.Of("dealer A2 of the same brand", world.X.Id, people.A2Consumer);
        var b1 = MatrixTarget.Of("dealer B1 of brand Y", world.Y.Id, people.B1Consumer);
        var neighbour = MatrixTarget.Of("another consumer of dealer A1", world.X.Id, people.A1Neighbour);
        string[] brandY = ["hq-y@welink.test", "Brand Y", "Dealer B1", .. Names(people.B1Consumer)];
        string[] dealerA2 = [.. brandY, "Dealer A2", .. Names(people.A2Consumer)];
        string[] neighbours = [.. dealerA2, .. Names(people.A1Neighbour)];
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

    /// <summary>The ids of the consumer's own data, which must appear in no answer to anyone beyond their reach.</summary>
    private static string[] Names(MatrixConsumer consumer) =>
        [consumer.Id.ToString(), consumer.ComplaintId.ToString(), consumer.ConversationId.ToString(), consumer.PictureMessageId.ToString()];

    /// <summary>
    /// A session cookie exactly as the scheme issues it at sign-in, with its server-side session recorded (a cookie without
    /// one is refused); the sign-in flows themselves are tested under Identities.
    /// </summary>
    public static async Task<string> SessionCookieAsync(WeLinkTestHost host, string scheme, SessionKind kind, ClaimsPrincipal principal)
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
