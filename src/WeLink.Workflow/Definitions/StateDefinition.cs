namespace WeLink.Workflow.Definitions;

public sealed record StateDefinition
{
    public required string Key { get; init; }

    /// <summary>What staff and admins read for the state (e.g. 待首次响应); the key when absent.</summary>
    public string? Label { get; init; }

    /// <summary>What the consumer sees (e.g. 处理中); null for an internal state, where the consumer keeps seeing the last visible label.</summary>
    public string? ConsumerLabel { get; init; }

    public bool Terminal { get; init; }

    /// <summary>The case waits on the consumer here: timers running when the case enters are paused until it leaves.</summary>
    public bool WaitsOnConsumer { get; init; }

    /// <summary>Actions enqueued whenever the case enters this state from another state.</summary>
    public IReadOnlyList<string> OnEnter { get; init => field = value ?? []; } = [];
}
