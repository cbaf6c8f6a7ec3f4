namespace WeLink.Wechat.WeCom;

/// <summary>WeCom OAuth scope for staff: identity only, or sensitive fields too (needs the member's consent permission).</summary>
public enum StaffOAuthScope
{
    SnsapiBase,
    SnsapiPrivateinfo,
}
