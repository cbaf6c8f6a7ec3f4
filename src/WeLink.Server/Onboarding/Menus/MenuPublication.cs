namespace WeLink.Server.Onboarding.Menus;

/// <summary>Whether menu/create succeeded on one account; Error is WeChat's answer when it did not.</summary>
public sealed record MenuPublication(string AppId, bool Published, string? Error);
