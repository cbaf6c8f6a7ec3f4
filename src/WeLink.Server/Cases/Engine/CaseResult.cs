namespace WeLink.Server.Cases.Engine;

/// <summary>What became of a start, fire, claim or reassign: <see cref="CaseMoved"/>, <see cref="CaseRefused"/>,
/// <see cref="CaseConflict"/> or <see cref="CaseNotFound"/>. Expected failures are results, never exceptions.</summary>
public abstract record CaseResult;

/// <param name="CaseId">The case.</param>
/// <param name="State">The state the step left the case in.</param>
/// <param name="Version">The case version the step produced (its history sequence).</param>
/// <param name="Replayed">True when the idempotency key had been used: nothing was done again and this is the first result.</param>
public sealed record CaseMoved(Guid CaseId, string State, long Version, bool Replayed) : CaseResult;

/// <param name="Reason">Why, for code.</param>
/// <param name="Message">Why, for a person.</param>
/// <param name="Details">Missing input fields, parameter errors, or the open case's id, depending on the reason.</param>
public sealed record CaseRefused(CaseRefusalReason Reason, string Message, IReadOnlyList<string> Details) : CaseResult;

/// <summary>Someone else moved the case first (or the caller's expected version is stale); reload and decide again.</summary>
public sealed record CaseConflict(Guid CaseId, long CurrentVersion, string Message) : CaseResult;

public sealed record CaseNotFound(Guid CaseId) : CaseResult;
