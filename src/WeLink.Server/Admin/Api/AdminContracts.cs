namespace WeLink.Server.Admin.Api;

public sealed record LoginRequest(string Email, string Password);

/// <summary>The signed-in admin.</summary>
public sealed record MeResponse(Guid Id, string Email, string DisplayName, string Role, Guid? BrandId, Guid? DealerId);

public sealed record CreateBrandRequest(string Name);

public sealed record CreateRegionRequest(string Name);

public sealed record CreateDealerRequest(string Code, string Name, Guid? RegionId);

/// <summary>The dealer version the caller last saw; a stale one answers 409.</summary>
public sealed record DealerVersionRequest(int Version);

public sealed record CreateAdminUserRequest(string Email, string DisplayName, string Password);
