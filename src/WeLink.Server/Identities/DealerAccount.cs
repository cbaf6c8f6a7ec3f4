namespace WeLink.Server.Identities;

/// <summary>
/// A dealer and its official account, as the consumer sign-in and follow events need them. AppId is null while the dealer
/// has no active account; IsLive says whether consumers may sign in through it (the account active, the dealer not suspended).
/// </summary>
public sealed record DealerAccount(Guid DealerId, Guid BrandId, string? AppId, bool IsLive);
