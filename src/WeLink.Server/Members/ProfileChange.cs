namespace WeLink.Server.Members;

/// <summary>One change of a profile field (<c>member_profile_changes</c>): the new value (a phone masked) and its source.</summary>
public sealed class ProfileChange
{
    public required string Field { get; init; }

    public string? Value { get; init; }

    /// <summary>wechat, wecom, miniprogram, phone_button, staff:&lt;id&gt; or admin:&lt;id&gt;.</summary>
    public required string Source { get; init; }

    public DateTimeOffset ChangedAt { get; init; }
}
