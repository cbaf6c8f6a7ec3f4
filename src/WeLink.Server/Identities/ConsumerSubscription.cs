namespace WeLink.Server.Identities;

/// <summary>Values of <c>consumers.subscription</c>.</summary>
public static class ConsumerSubscription
{
    public const string Following = "following";
    public const string Unfollowed = "unfollowed";

    /// <summary>Seen through OAuth only; no follow event yet.</summary>
    public const string Unknown = "unknown";
}
