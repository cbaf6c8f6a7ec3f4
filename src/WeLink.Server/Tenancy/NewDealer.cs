namespace WeLink.Server.Tenancy;

public sealed record NewDealer(Guid BrandId, Guid? RegionId, string Code, string Name);
