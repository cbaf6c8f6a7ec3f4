using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>
/// Rechecks mini-program access tokens the way cookie sessions are rechecked (at most once per
/// <see cref="SessionCheckOptions.RecheckInterval"/> per token's family and dealer, per node). An access token carries
/// everything it grants and lives 30 minutes; without this, a family revoked for a replayed refresh token, a dealer the
/// consumer switched away from, a suspended or unlinked dealer, or a mini program no longer authorized would keep
/// working until the token expired. A token that is no longer its family's current grant fails authentication (401),
/// which sends the app to refresh or to sign in again.
/// </summary>
public sealed partial class MiniProgramTokenChecks(
    MiniProgramSessionStore sessions,
    BrandDealers dealers,
    IBrandMiniPrograms miniPrograms,
    IOptions<SessionCheckOptions> options,
    TimeProvider time,
    ILogger<MiniProgramTokenChecks> logger) : IDisposable
{
    private const string BearerPrefix = "Bearer ";

    private readonly MemoryCache _checked = new(new MemoryCacheOptions());

    /// <summary>Runs the check through the bearer scheme's own event, before its handler accepts the token.</summary>
    public static void Attach(BearerTokenEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.OnMessageReceived = context => context.HttpContext.RequestServices.GetRequiredService<MiniProgramTokenChecks>().CheckAsync(context);
    }

    public void Dispose() => _checked.Dispose();

    private async Task CheckAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // An unreadable or expired token is the handler's to refuse; only a token it would accept needs its family asked.
        var ticket = context.Options.BearerTokenProtector.Unprotect(header[BearerPrefix.Length..].Trim());
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || MiniProgramTokens.FamilyOf(ticket.Principal) is not { } family)
        {
            return;
        }

        Guid? dealer = Guid.TryParse(ticket.Principal.FindFirstValue(WeLinkClaims.DealerId), out var dealerId) ? dealerId : null;
        if (!await IsCurrentAsync(family, dealer, context.HttpContext.RequestAborted))
        {
            LogRefused(family, dealer);
            context.Fail("The mini-program session ended, moved to another dealer, or its dealer or mini program is no longer active.");
        }
    }

    private async Task<bool> IsCurrentAsync(Guid family, Guid? dealer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (family, dealer);
        if (_checked.TryGetValue(key, out Check? check) && now - check!.CheckedAt < options.Value.RecheckInterval)
        {
            return check.Current;
        }

        var current = await sessions.FindFamilyAsync(family, cancellationToken) is { } context
            && context.DealerId == dealer
            && await miniPrograms.FindByAppIdAsync(context.AppId, cancellationToken) is { Active: true }
            && (dealer is not { } inContext || await dealers.FindActiveAsync(context.BrandId, inContext, cancellationToken) is not null);
        _checked.Set(key, new Check(current, now), new MemoryCacheEntryOptions { SlidingExpiration = options.Value.RecheckInterval * 2 });
        return current;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mini-program access token of session {FamilyId} with dealer {DealerId} refused on recheck: no longer the session's current grant")]
    private partial void LogRefused(Guid familyId, Guid? dealerId);

    private sealed record Check(bool Current, DateTimeOffset CheckedAt);
}
