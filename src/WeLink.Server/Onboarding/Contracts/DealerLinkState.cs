namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// Whether a dealer's official account and WeCom corp are both live. <see cref="Linked"/> is what every
/// feature checks before it lets a consumer request become staff work; <see cref="WhyNotLinked"/> says what is missing.
/// </summary>
public sealed record DealerLinkState(
    Guid DealerId,
    LinkSideState OfficialAccount,
    LinkSideState WeCom,
    bool Linked,
    string? WhyNotLinked);
