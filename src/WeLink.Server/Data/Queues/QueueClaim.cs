namespace WeLink.Server.Data.Queues;

/// <summary>Items claimed together, and the lease that fences what the claimer later writes about them.</summary>
public sealed record QueueClaim<TItem>(DateTimeOffset Lease, IReadOnlyList<TItem> Items);
