using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeLink.Server.Shared;

/// <summary>WeLink's own trace source and meter; features add spans and instruments here.</summary>
public static class WeLinkTelemetry
{
    public const string Name = "WeLink";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);
}
