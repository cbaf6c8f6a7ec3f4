namespace WeLink.Server.Tenancy.Contracts;

/// <summary>The values of <c>dealers.status</c>.</summary>
public static class DealerStatus
{
    /// <summary>Created, waiting for HQ's approval.</summary>
    public const string Pending = "pending";

    /// <summary>Approved by HQ: may go live.</summary>
    public const string Approved = "approved";

    /// <summary>Suspended by HQ; its data stays, and HQ can reinstate it.</summary>
    public const string Suspended = "suspended";
}
