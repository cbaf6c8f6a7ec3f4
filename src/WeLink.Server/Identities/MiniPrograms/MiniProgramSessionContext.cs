namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>
/// Who a mini-program session is and where they are: the consumer's openid (and unionid) in the brand's mini program,
/// their <c>consumers</c> row once they have come through a dealer, and the dealer in context. One family of refresh
/// tokens carries it from the sign-in on.
/// </summary>
public sealed record MiniProgramSessionContext(
    Guid FamilyId, Guid BrandId, string AppId, string OpenId, string? UnionId, Guid? ConsumerId, Guid? DealerId);
