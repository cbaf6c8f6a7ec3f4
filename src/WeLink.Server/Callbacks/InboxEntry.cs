using WeLink.Server.Callbacks.Contracts;

namespace WeLink.Server.Callbacks;

/// <summary>A callback about to be written to the inbox.</summary>
/// <param name="Id">UUIDv7, so ids sort by arrival.</param>
/// <param name="Channel">The URL it came to.</param>
/// <param name="TargetId">The authorizer appid or corpid of the URL; null on the platform URLs.</param>
/// <param name="DedupKey">Equal for a platform's retries of one push: the inbox stores the first only.</param>
/// <param name="Kind">The parsed message kind, for admins and for routing metrics.</param>
/// <param name="Payload">The decrypted payload exactly as received.</param>
/// <param name="ReceivedAt">When this node received it (UTC).</param>
/// <param name="Status">
/// <see cref="InboxStatus.Pending"/> for the dispatcher, or <see cref="InboxStatus.Ignored"/> (finished on arrival)
/// when no handler accepts it.
/// </param>
/// <param name="LockedUntil">
/// Set when the receiver claims the row itself to handle it before answering (tickets): no dispatcher takes
/// it meanwhile, and if that handling fails a dispatcher retries it once the lease has passed.
/// </param>
public sealed record InboxEntry(
    Guid Id,
    CallbackChannel Channel,
    string? TargetId,
    string DedupKey,
    string Kind,
    string Payload,
    DateTimeOffset ReceivedAt,
    string Status = InboxStatus.Pending,
    DateTimeOffset? LockedUntil = null);
