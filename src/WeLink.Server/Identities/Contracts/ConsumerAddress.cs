namespace WeLink.Server.Identities.Contracts;

/// <summary>
/// Where a consumer is reached: the openid they have in the official account (appid) of the dealer they came through.
/// Whether that account is still linked is the dealer directory's to say.
/// </summary>
public sealed record ConsumerAddress(Guid ConsumerId, Guid DealerId, string AppId, string OpenId);
