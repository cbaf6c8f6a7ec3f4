namespace WeLink.Server.Identities.Contracts;

/// <summary>
/// Where a consumer is reached: the openid they have in the official account of the dealer they came through, or in the
/// brand's mini program (appid), and their unionid when WeChat gave one (the same person across the brand's accounts).
/// Whether that account is still linked is the dealer directory's to say.
/// </summary>
public sealed record ConsumerAddress(Guid ConsumerId, Guid DealerId, string AppId, string OpenId, string? UnionId);
