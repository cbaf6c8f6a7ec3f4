namespace WeLink.Server.Tenancy;

/// <summary>An admin to create; <see cref="Role"/> fixes which of brand and dealer must be set.</summary>
public sealed record NewAdminUser(string Email, string DisplayName, string Role, Guid? BrandId, Guid? DealerId);
