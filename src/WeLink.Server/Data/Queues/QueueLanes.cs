namespace WeLink.Server.Data.Queues;

/// <summary>
/// Delivers a claimed batch in lanes: the items of one lane one after another, in the order the batch holds them, and up
/// to a number of lanes at once. Each delivery is an API call of tens of milliseconds, so one item at a time caps a node
/// at a few dozen items a second; lanes keep in order only what must stay in order.
/// </summary>
public static class QueueLanes
{
    /// <param name="items">The claimed batch, in the order its lanes must keep.</param>
    /// <param name="lane">The lane an item belongs to.</param>
    /// <param name="comparer">How lanes are told apart; null for the lane type's own equality.</param>
    /// <param name="concurrency">The most lanes delivered at once.</param>
    /// <param name="deliver">Delivers one item; it records its own outcome, so a failed item does not stop its lane.</param>
    /// <param name="cancellationToken">Stops the lanes; an exception thrown by <paramref name="deliver"/> stops them too.</param>
    public static Task DeliverAsync<TItem, TLane>(
        IEnumerable<TItem> items,
        Func<TItem, TLane> lane,
        IEqualityComparer<TLane>? comparer,
        int concurrency,
        Func<TItem, CancellationToken, Task> deliver,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(items.GroupBy(lane, comparer), parallel, async (laneItems, laneCancellation) =>
        {
            foreach (var item in laneItems)
            {
                await deliver(item, laneCancellation);
            }
        });
    }
}
