using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Tenancy;

/// <summary>
/// What HQ may do to a dealer, and from which status: approve a pending dealer, suspend an approved one,
/// reinstate a suspended one. A suspended dealer returns to approved, never to pending: it was approved once.
/// </summary>
public sealed record DealerTransition(string Name, string From, string To)
{
    public static DealerTransition Approve { get; } = new("approve", DealerStatus.Pending, DealerStatus.Approved);

    public static DealerTransition Suspend { get; } = new("suspend", DealerStatus.Approved, DealerStatus.Suspended);

    public static DealerTransition Reinstate { get; } = new("reinstate", DealerStatus.Suspended, DealerStatus.Approved);

    public static IReadOnlyList<DealerTransition> All { get; } = [Approve, Suspend, Reinstate];

    public bool AppliesTo(Dealer dealer)
    {
        ArgumentNullException.ThrowIfNull(dealer);
        return dealer.Status == From;
    }
}
