namespace WeLink.Server.Onboarding.Contracts;

/// <summary>Whether menu/create succeeded on one account (of <paramref name="DealerId"/>); Error is WeChat's answer when it did not.</summary>
public sealed record MenuPublication(string AppId, bool Published, string? Error, Guid DealerId);
