namespace WeLink.Server.Tenancy.Access;

public static class WeLinkPolicies
{
    /// <summary>Any admin session (platform, HQ or dealer admin).</summary>
    public const string Admin = "admin";

    public const string PlatformAdmin = "platform-admin";

    /// <summary>A platform or HQ admin: brand-wide actions such as approving dealers.</summary>
    public const string HqAdmin = "hq-admin";

    public const string Consumer = "consumer";

    public const string Staff = "staff";
}
