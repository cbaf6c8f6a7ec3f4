namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// How an authorized account or the brand's mini program is bound to a WeChat open-platform account: only accounts bound
/// to one open-platform account share a consumer's unionid. <see cref="Reason"/> says, in Chinese, why it is not bound.
/// </summary>
public sealed record OpenPlatformBinding(string AppId, string? OpenAppId, OpenPlatformBindingState State, string? Reason, DateTimeOffset UpdatedAt)
{
    public bool Bound => State != OpenPlatformBindingState.Refused && OpenAppId is not null;

    /// <summary>The open appid shortened for a page (its first and last four characters): enough to tell two apart.</summary>
    public string? ShortOpenAppId => OpenAppId is { Length: > 10 } id ? $"{id[..4]}…{id[^4..]}" : OpenAppId;
}

public enum OpenPlatformBindingState
{
    /// <summary>Already bound when WeLink was authorized; WeLink only recorded it.</summary>
    Found,

    /// <summary>WeLink bound it to the brand's open-platform account.</summary>
    Bound,

    /// <summary>WeLink created an open-platform account for it, which became the brand's.</summary>
    Created,

    /// <summary>WeChat refused (another subject, the open-platform account full or unverified, busy); HQ may retry.</summary>
    Refused,
}
