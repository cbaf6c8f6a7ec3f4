namespace WeLink.Server.Members.Contracts;

/// <summary>What a member consents to, each answered on its own (domain.md, Members and identity).</summary>
public enum ConsentPurpose
{
    /// <summary>Service notifications: receipts and status updates of what the person asked for.</summary>
    Service,

    Marketing,

    Location,

    /// <summary>Sharing the member's dealings with the brand's other dealers.</summary>
    BrandSharing,
}
