namespace WeLink.Workflow.Definitions;

/// <summary>
/// One version of a case process, as data: brand HQ tunes its parameters, a case pins the version it started with.
/// </summary>
/// <remarks>
/// Lists fall back to empty when given null: the JSON source generator passes null for an absent init-only property,
/// which would otherwise overwrite the initializer.
/// </remarks>
public sealed record WorkflowDefinition
{
    public required string Key { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    /// <summary>Nullable so that a definition built in code without one is reported by the validator, not by a crash.</summary>
    public string? InitialState { get; init; }

    public IReadOnlyList<StateDefinition> States { get; init => field = value ?? []; } = [];

    /// <summary>What staff and admins read for <paramref name="state"/>: its label, else its key.</summary>
    public string StateLabel(string state) => States.FirstOrDefault(s => s.Key == state)?.Label ?? state;

    public IReadOnlyList<TransitionDefinition> Transitions { get; init => field = value ?? []; } = [];

    public IReadOnlyList<TimerDefinition> Timers { get; init => field = value ?? []; } = [];

    public IReadOnlyList<ParameterDefinition> Parameters { get; init => field = value ?? []; } = [];

    /// <summary>Every action name the definition invokes, so a host can check it has a handler for each before using it.</summary>
    public IReadOnlyList<string> Actions { get; init => field = value ?? []; } = [];

    /// <summary>The actions that tell someone about the case; each is also named in <see cref="Actions"/>.</summary>
    public IReadOnlyList<NoticeDefinition> Notices { get; init => field = value ?? []; } = [];

    /// <summary>
    /// What people read, by key (Simplified Chinese). Placeholders: <c>{state}</c> (the state's consumer label),
    /// <c>{data.&lt;field&gt;}</c> and <c>{input.&lt;field&gt;}</c>; a field with <see cref="ValueLabels"/> shows its label.
    /// </summary>
    public IReadOnlyDictionary<string, string> Texts { get; init => field = value ?? new Dictionary<string, string>(); } = new Dictionary<string, string>();

    /// <summary>Field → stored value → what people read (e.g. <c>severity</c>: <c>high</c> → 紧急), so no code value is shown.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ValueLabels { get; init => field = value ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(); }
        = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Named steps staff complete on the way; see <see cref="StepDefinition"/>.</summary>
    public IReadOnlyList<StepDefinition> Steps { get; init => field = value ?? []; } = [];

    /// <summary>At most one open case per business key (e.g. one open card application per member).</summary>
    public bool OneOpenCasePerBusinessKey { get; init; }

    /// <summary>The definition measures some timers in the dealer's business hours, so starting a case needs the dealer's calendar.</summary>
    public bool UsesBusinessHours { get; init; }
}
