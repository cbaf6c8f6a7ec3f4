namespace WeLink.Server.Tenancy.Access;

/// <summary>
/// One cookie scheme per kind of person, so a consumer's cookie can never stand in for a staff
/// member's or an admin's: each API group authenticates with its own scheme only.
/// </summary>
public static class WeLinkSchemes
{
    public const string Admin = "welink-admin";
    public const string Consumer = "welink-consumer";
    public const string Staff = "welink-staff";

    /// <summary>
    /// The consumer's mini-program session: a short-lived bearer access token (Data Protection, like the cookies), issued
    /// by Identities' mini-program sign-in. The consumer policies accept it beside the consumer cookie.
    /// </summary>
    public const string ConsumerBearer = "welink-consumer-bearer";
}
