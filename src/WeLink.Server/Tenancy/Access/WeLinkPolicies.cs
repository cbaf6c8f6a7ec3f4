namespace WeLink.Server.Tenancy.Access;

public static class WeLinkPolicies
{
    /// <summary>Any admin session (platform, HQ or dealer admin).</summary>
    public const string Admin = "admin";

    public const string PlatformAdmin = "platform-admin";

    /// <summary>A platform or HQ admin: brand-wide actions such as approving dealers.</summary>
    public const string HqAdmin = "hq-admin";

    /// <summary>A consumer known by their record and a dealer in context: the official-account cookie or a mini-program bearer token.</summary>
    public const string Consumer = "consumer";

    /// <summary>
    /// A consumer of a brand, with or without a dealer in context yet (a mini-program session before the consumer picked
    /// a dealer): enough to list the brand's dealers and to pick one.
    /// </summary>
    public const string BrandConsumer = "brand-consumer";

    public const string Staff = "staff";
}
