namespace WeLink.Server.Identities;

/// <summary>
/// The status values of the tenancy tables (0004_tenancy.sql) that decide who may sign in. Onboarding and
/// the portal write them; this feature only reads them.
/// </summary>
public static class LinkStatus
{
    /// <summary><c>official_account_links.status</c>, <c>wecom_links.status</c> and <c>staff.status</c> of a live row.</summary>
    public const string Active = "active";

    /// <summary><c>dealers.status</c> set by HQ: nobody of the dealer signs in.</summary>
    public const string DealerSuspended = "suspended";
}
