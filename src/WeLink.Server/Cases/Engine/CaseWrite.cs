namespace WeLink.Server.Cases.Engine;

/// <summary>
/// A feature's own write (its SQL, kept next to the feature's store, and its parameters) that the engine runs in the
/// transaction of a case's first step, so the case and the feature's row exist together or not at all.
/// </summary>
public sealed record CaseWrite(string Sql, object Parameters)
{
    /// <summary>
    /// When set, the start is refused (<see cref="CaseRefusalReason.FeatureWriteRefused"/>) and nothing of it kept unless the
    /// write changed exactly this many rows: a feature's claim on rows another request may have taken first.
    /// </summary>
    public int? ExpectedRows { get; init; }

    /// <summary>Writes of other features that run after this one, in the same transaction.</summary>
    public IReadOnlyList<CaseWrite> Then { get; init; } = [];

    /// <summary>This write followed by <paramref name="next"/>.</summary>
    public CaseWrite And(CaseWrite next) => this with { Then = [.. Then, next] };

    /// <summary>This write and every one that follows it, in order.</summary>
    public IEnumerable<CaseWrite> All => [this, .. Then.SelectMany(t => t.All)];
}

/// <summary>What a feature's write may need from the case being started.</summary>
/// <param name="CaseId">The new case's id.</param>
/// <param name="At">The moment of the start, as the case records it.</param>
public sealed record StartedCase(Guid CaseId, DateTimeOffset At);
