using WeLink.Server.Identities.Contracts;
using WeLink.Server.Members.Consents;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Members.Api;

/// <summary>What every consumer member endpoint uses (<c>[AsParameters]</c>): the session, the member behind it and its view.</summary>
public sealed record ConsumerMemberServices(
    ConsumerSession Session, MemberDirectory Directory, MemberConsents Consents, IDealerRegistry Dealers, CancellationToken CancellationToken)
{
    /// <summary>The member record behind the session's consumer within the session's brand; null when there is none.</summary>
    public async Task<MemberRecord?> MemberAsync() =>
        await Directory.FindByConsumerAsync(Session.ConsumerId, CancellationToken) is { } member && member.BrandId == Session.BrandId
            && MemberStatus.IsCurrent(member.Status)
            ? member
            : null;

    public async Task<ConsumerMemberResponse> ViewAsync(MemberRecord member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new ConsumerMemberResponse(
            member.Status, member.MemberNumber, member.Tier, member.Tier is null ? null : Joining.MemberTiers.Label(member.Tier), member.Name, member.PhoneMasked,
            await HomeDealerAsync(member), member.JoinedAt, await ConsentsAsync(member.Id));
    }

    public async Task<HomeDealerResponse> HomeDealerAsync(MemberRecord member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.HomeDealerId, (await Dealers.FindAsync(member.HomeDealerId, CancellationToken))?.Name ?? "");
    }

    public async Task<IReadOnlyList<ConsentResponse>> ConsentsAsync(Guid memberId) =>
        [.. (await Consents.InForceAsync(memberId, CancellationToken)).Select(c => new ConsentResponse(
            ConsentPurposes.Code(c.Purpose), ConsentPurposes.Label(c.Purpose), c.Granted, c.TextVersion, c.Channel, c.DecidedAt))];

    /// <summary>The key in this consumer's namespace, so another actor's same key is another request.</summary>
    public string KeyOf(Shared.IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.For($"consumer:{Session.ConsumerId:N}");
    }
}
