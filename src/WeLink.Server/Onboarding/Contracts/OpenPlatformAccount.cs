namespace WeLink.Server.Onboarding.Contracts;

/// <summary>An authorized account WeLink binds to its brand's open-platform account: a dealer's official account, or the brand's mini program (no dealer).</summary>
public sealed record OpenPlatformAccount(string AppId, Guid BrandId, Guid? DealerId);
