namespace WeLink.Server.Callbacks.Contracts;

/// <summary>An event as stored in the inbox.</summary>
/// <param name="Id">The inbox row's id (UUIDv7).</param>
/// <param name="Channel">Which callback URL received it.</param>
/// <param name="TargetId">The authorizer appid (account channel) or corpid (corp channel); null on the platform URLs.</param>
/// <param name="ReceivedAt">When the callback endpoint stored it.</param>
/// <param name="Attempt">1 on the first delivery to handlers.</param>
public sealed record InboxEvent(Guid Id, CallbackChannel Channel, string? TargetId, DateTimeOffset ReceivedAt, int Attempt);
