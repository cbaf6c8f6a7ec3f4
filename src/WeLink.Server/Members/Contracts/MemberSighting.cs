namespace WeLink.Server.Members.Contracts;

/// <summary>
/// What a channel saw: an identity of a person at a dealer of the brand, with WeChat's unionid when it gave one, the
/// Identities consumer row behind an openid, and the name the channel knows them by.
/// </summary>
public sealed record MemberSighting(Guid BrandId, Guid DealerId, MemberIdentity Identity, string? UnionId, Guid? ConsumerId = null, string? Name = null);
