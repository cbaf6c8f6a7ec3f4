namespace WeLink.Server.Tenancy.Access.Sessions;

public sealed class SessionCheckOptions
{
    public const string SectionName = "Sessions";

    /// <summary>
    /// How long a node trusts its last check that a session is still live. A sign-out ends the session at once on the
    /// node that served it and within this long on every other node.
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
