using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Admin.Api;

public sealed record LoginRequest([StringLength(TextLimits.Email)] string Email, [StringLength(TextLimits.Password)] string Password);

/// <summary>The signed-in admin.</summary>
public sealed record MeResponse(Guid Id, string Email, string DisplayName, string Role, Guid? BrandId, Guid? DealerId);

public sealed record CreateBrandRequest([StringLength(TextLimits.Name)] string Name);

public sealed record CreateRegionRequest([StringLength(TextLimits.Name)] string Name);

public sealed record CreateDealerRequest([StringLength(TextLimits.Code)] string Code, [StringLength(TextLimits.Name)] string Name, Guid? RegionId);

/// <summary>The dealer version the caller last saw; a stale one answers 409.</summary>
public sealed record DealerVersionRequest(int Version);

public sealed record CreateAdminUserRequest([StringLength(TextLimits.Email)] string Email, [StringLength(TextLimits.Name)] string DisplayName, [StringLength(TextLimits.Password)] string Password);
