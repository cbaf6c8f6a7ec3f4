using System.Diagnostics.Metrics;
using WeLink.Server.Shared;

namespace WeLink.Server.Cases;

/// <summary>The engine's instruments; spans go to <see cref="WeLinkTelemetry.ActivitySource"/> as <c>case.*</c>.</summary>
internal static class CaseTelemetry
{
    public static readonly Counter<long> Transitions = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.cases.transitions", description: "Accepted case steps (starts, fires, claims, reassignments).");

    public static readonly Counter<long> Refusals = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.cases.refusals", description: "Steps the definition or the case's state refused.");

    public static readonly Counter<long> Conflicts = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.cases.conflicts", description: "Steps that lost an optimistic-concurrency race.");

    public static readonly Counter<long> TimerFires = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.cases.timer_fires", description: "Due timers fired as the system actor.");

    public static readonly Counter<long> Breaches = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.cases.breaches", description: "Fired timers marked as SLA breaches.");

    public static readonly Histogram<double> OutboxLag = WeLinkTelemetry.Meter.CreateHistogram<double>(
        "welink.outbox.lag", unit: "s", description: "From the transition that wrote an outbox item to its successful delivery.");

    public static readonly Counter<long> OutboxParked = WeLinkTelemetry.Meter.CreateCounter<long>(
        "welink.outbox.parked", description: "Outbox items given up after the configured attempts.");
}
