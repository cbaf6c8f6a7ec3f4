using System.Diagnostics.Metrics;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Shared;

namespace WeLink.Server.Callbacks;

/// <summary>The callback and inbox instruments on WeLink's meter.</summary>
internal static class InboxMetrics
{
    private static readonly Counter<long> Received = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.callbacks.received", "{event}", "Callbacks stored in the inbox.");

    private static readonly Counter<long> Duplicates = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.callbacks.duplicates", "{event}", "Callbacks already in the inbox (platform retries), answered without storing.");

    private static readonly Counter<long> Refused = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.callbacks.refused", "{request}", "Callbacks refused with a 4xx, by reason.");

    private static readonly Counter<long> Dispatched = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.inbox.dispatched", "{event}", "Events finished, by outcome (done; ignored, also when stored as ignored on arrival).");

    private static readonly Counter<long> Failed = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.inbox.failed", "{event}", "Deliveries in which a handler threw (the event is retried or parked).");

    private static readonly Counter<long> Parked = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.inbox.parked", "{event}", "Events parked after the last allowed attempt.");

    private static readonly Histogram<double> Lag = WeLinkTelemetry.Meter.CreateHistogram<double>(
        "welink.inbox.lag", "s", "Time from storing an event to the start of its delivery.");

    public static void CountReceived(CallbackChannel channel) => Received.Add(1, ChannelTag(channel));

    public static void CountDuplicate(CallbackChannel channel) => Duplicates.Add(1, ChannelTag(channel));

    public static void CountRefused(CallbackChannel channel, string reason) =>
        Refused.Add(1, ChannelTag(channel), new KeyValuePair<string, object?>("reason", reason));

    public static void CountDispatched(string outcome) => Dispatched.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void CountFailed() => Failed.Add(1);

    public static void CountParked() => Parked.Add(1);

    public static void RecordLag(TimeSpan lag) => Lag.Record(Math.Max(0, lag.TotalSeconds));

    private static KeyValuePair<string, object?> ChannelTag(CallbackChannel channel) => new("channel", CallbackChannels.Name(channel));
}
