namespace WeLink.Server.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Nodes with the same scheduler name share one clustered schedule on PostgreSQL.</summary>
    public string SchedulerName { get; set; } = "WeLink";

    /// <summary>How often a clustered node checks in; a node silent for twice this is presumed dead and its jobs recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired de-duplication keys are purged.</summary>
    public TimeSpan DedupPurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the queues' finished rows past their retention are purged.</summary>
    public TimeSpan QueuePurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows one purge statement deletes: small enough that intake never waits long behind it.</summary>
    public int QueuePurgeBatchSize { get; set; } = 1_000;
}
