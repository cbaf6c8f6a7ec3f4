namespace WeLink.Server.Tenancy;

/// <summary>How a requested dealer transition ended; <see cref="Dealer"/> is the dealer as it now stands, when it exists.</summary>
public sealed record DealerChange(DealerChangeOutcome Outcome, Dealer? Dealer);

public enum DealerChangeOutcome
{
    Changed,

    /// <summary>No such dealer within the caller's scope.</summary>
    NotFound,

    /// <summary>The caller's version is stale: someone changed the dealer in between.</summary>
    VersionConflict,

    /// <summary>The transition does not apply to the dealer's current status.</summary>
    NotAllowed,
}
