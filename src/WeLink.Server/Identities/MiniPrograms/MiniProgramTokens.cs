using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>
/// Access tokens of the consumer bearer scheme, protected by the scheme's own protector so its handler reads them:
/// the consumer (once known), the brand, the dealer in context, and the session family they belong to.
/// </summary>
public sealed class MiniProgramTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    /// <summary>The refresh-token family of the session; a dealer switch continues it.</summary>
    public const string FamilyClaim = "welink:mp-family";

    public MiniProgramSessionResponse Issue(MiniProgramSessionContext context, string refreshToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bearer = options.Get(WeLinkSchemes.ConsumerBearer);
        List<Claim> claims =
        [
            new(FamilyClaim, context.FamilyId.ToString()),
            new(WeLinkClaims.BrandId, context.BrandId.ToString()),
        ];
        if (context.ConsumerId is { } consumerId)
        {
            claims.Add(new(WeLinkClaims.SubjectId, consumerId.ToString()));
        }

        if (context.DealerId is { } dealerId)
        {
            claims.Add(new(WeLinkClaims.DealerId, dealerId.ToString()));
        }

        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, WeLinkSchemes.ConsumerBearer)), properties, WeLinkSchemes.ConsumerBearer);
        return new MiniProgramSessionResponse(
            bearer.BearerTokenProtector.Protect(ticket),
            refreshToken,
            (int)bearer.BearerTokenExpiration.TotalSeconds,
            context.BrandId,
            context.DealerId);
    }

    /// <summary>The session family of a bearer principal; null for any other session.</summary>
    public static Guid? FamilyOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(FamilyClaim), CultureInfo.InvariantCulture, out var family) ? family : null;
    }
}
