namespace WeLink.Testing.Seeding;

/// <summary>A seeded consumer: their id, their dealer and the account openid they are known by.</summary>
public sealed record SeededConsumer(Guid Id, Guid BrandId, Guid DealerId, string AppId, string OpenId);
