using System.Collections.Concurrent;
using System.Net;
using WeLink.Server.Callbacks;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data;
using WeLink.Wechat.Messages;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>
/// One claimed batch is delivered in lanes: a sender's events in the order they arrived, other senders' events meanwhile,
/// so one person's slow handling (an API call) does not hold up everyone else's.
/// </summary>
public abstract class InboxLaneTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_senders_events_are_handled_in_order_while_another_senders_are_handled_meanwhile()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var handler = new GatedHandler();

        // A node that only receives stores the whole batch first, so the dispatcher below claims it in one round.
        var at = DateTimeOffset.UtcNow;
        await using (var receiver = await CallbackHosts.StartAsync(
            database, args: ["--Inbox:DispatchEnabled=false"], configure: builder => builder.Services.AddInboxHandler(handler)))
        {
            foreach (var (content, sender) in new[] { ("test:a1", "o_sender_a"), ("test:b1", "o_sender_b"), ("test:a2", "o_sender_a"), ("test:a3", "o_sender_a") })
            {
                using var response = await SignedPush.ToAccount(
                    SignedPush.AppId, SignedPush.TextMessage(content, SignedPush.NextMsgId(), at, fromUserName: sender), at).PostAsync(receiver.Http);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        await using var dispatcher = await CallbackHosts.StartAsync(database, configure: builder => builder.Services.AddInboxHandler(handler));
        await Poll.UntilAsync(() => database.InboxCountAsync(InboxStatus.Done), n => n == 4, Deadline.BackgroundWork, "the four events to be handled");

        Assert.True(handler.FirstSawOtherSender, "a1 was still waiting when b1's lane ran");
        Assert.Equal(["test:a1", "test:a2", "test:a3"], handler.Handled.Where(c => c.StartsWith("test:a", StringComparison.Ordinal)).ToArray());
    }

    /// <summary>Holds sender a's first message until sender b's was handled (or 10 s pass, and says so).</summary>
    private sealed class GatedHandler : IInboxHandler, IAcceptsCallbacks
    {
        private readonly TaskCompletionSource _otherHandled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _handled = new();

        public bool FirstSawOtherSender { get; private set; }

        public IReadOnlyList<string> Handled => [.. _handled];

        public static bool Accepts(CallbackMessage message) => message is TextMessage text && text.Content.StartsWith("test:", StringComparison.Ordinal);

        public async Task HandleAsync(InboxEvent inboxEvent, CallbackMessage message, CancellationToken cancellationToken)
        {
            var content = ((TextMessage)message).Content;
            if (content == "test:a1")
            {
                FirstSawOtherSender = await Task.WhenAny(_otherHandled.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)) == _otherHandled.Task;
            }

            _handled.Enqueue(content);
            if (content == "test:b1")
            {
                _otherHandled.TrySetResult();
            }
        }
    }
}

public sealed class InboxLaneTests_on_Sqlite() : InboxLaneTests(DatabaseProvider.Sqlite);

public sealed class InboxLaneTests_on_Postgres() : InboxLaneTests(DatabaseProvider.Postgres);
