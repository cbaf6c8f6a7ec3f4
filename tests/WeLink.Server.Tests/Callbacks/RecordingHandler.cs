using System.Collections.Concurrent;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>
/// A test handler for text messages starting with "test:". It records every delivery and throws for the
/// first <see cref="FailuresBeforeSuccess"/> deliveries of each event (counted across admin retries).
/// </summary>
public sealed class RecordingHandler : IInboxHandler, IAcceptsCallbacks
{
    public const string Prefix = "test:";

    private readonly ConcurrentQueue<(InboxEvent Event, string Content)> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, int> _deliveriesPerEvent = new();

    public int FailuresBeforeSuccess { get; init; }

    public IReadOnlyList<(InboxEvent Event, string Content)> Deliveries => [.. _deliveries];

    public static bool Accepts(CallbackMessage message) => message is TextMessage text && text.Content.StartsWith(Prefix, StringComparison.Ordinal);

    public Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
    {
        _deliveries.Enqueue((inboxEvent, ((TextMessage)message).Content));
        var delivery = _deliveriesPerEvent.AddOrUpdate(inboxEvent.Id, 1, (_, n) => n + 1);
        return delivery <= FailuresBeforeSuccess
            ? throw new InvalidOperationException($"Simulated failure {delivery} (no secrets here)")
            : Task.CompletedTask;
    }
}
