namespace WeLink.Server.Tenancy.Access;

public sealed class SessionCheckOptions
{
    public const string SectionName = "Sessions";

    /// <summary>
    /// How long a node trusts its last check of a session: that its row is not revoked and that its subject may still use
    /// WeLink with the roles and tenant in the cookie. A sign-out ends the session at once on the node that served it and
    /// within this long on every other node; a disabled admin, a staff member who left, a suspended dealer or an
    /// uninstalled app end it, and a role change reaches it, within this long.
    /// Mini-program access tokens are rechecked on the same interval (Identities' MiniProgramTokenChecks).
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
