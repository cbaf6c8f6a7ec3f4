using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities.Contracts;

/// <summary>
/// The consumer behind a request, read from the consumer cookie or the mini-program bearer token only (never from a staff
/// or admin session). Consumer endpoints take it as a parameter; every store query filters by <see cref="DealerId"/>, the
/// dealer in context. <see cref="ConsumerId"/> is the <c>consumers</c> row: one openid of one dealer's account, or of the
/// brand's mini program.
/// </summary>
public sealed record ConsumerSession(Guid ConsumerId, Guid BrandId, Guid DealerId)
{
    public TenantScope Scope => new(SessionKind.Consumer, ConsumerId, BrandId, DealerId, []);

    /// <summary>Minimal API binding: null when the request carries neither a valid consumer cookie nor a bearer token with a dealer.</summary>
    public static async ValueTask<ConsumerSession?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var scheme in (string[])[WeLinkSchemes.Consumer, WeLinkSchemes.ConsumerBearer])
        {
            var result = await context.AuthenticateAsync(scheme);
            if (result.Succeeded && From(result.Principal) is { } session)
            {
                return session;
            }
        }

        return null;
    }

    public static ConsumerSession? From(ClaimsPrincipal principal) =>
        TenantScope.From(principal, SessionKind.Consumer) is { BrandId: { } brand, DealerId: { } dealer } scope
            ? new ConsumerSession(scope.SubjectId, brand, dealer)
            : null;

    internal ClaimsPrincipal ToPrincipal() =>
        new(new ClaimsIdentity(
            [
                new Claim(WeLinkClaims.SubjectId, ConsumerId.ToString()),
                new Claim(WeLinkClaims.BrandId, BrandId.ToString()),
                new Claim(WeLinkClaims.DealerId, DealerId.ToString()),
            ],
            WeLinkSchemes.Consumer));
}
