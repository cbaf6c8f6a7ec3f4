namespace WeLink.Server.Cases.Engine;

/// <summary>
/// A feature's own write (its SQL, kept next to the feature's store, and its parameters) that the engine runs in the
/// transaction of a case's first step, so the case and the feature's row exist together or not at all.
/// </summary>
public sealed record CaseWrite(string Sql, object Parameters);

/// <summary>What a feature's write may need from the case being started.</summary>
/// <param name="CaseId">The new case's id.</param>
/// <param name="At">The moment of the start, as the case records it.</param>
public sealed record StartedCase(Guid CaseId, DateTimeOffset At);
