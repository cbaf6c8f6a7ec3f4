namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// A brand's mini program as HQ authorized it; <see cref="Active"/> until its administrator withdraws the authorization.
/// <see cref="UpdatedAt"/> is when it was last authorized or withdrawn.
/// </summary>
public sealed record BrandMiniProgram(Guid BrandId, string AppId, string NickName, string OriginalId, bool Active, DateTimeOffset UpdatedAt);
