namespace WeLink.Server.Cases.Inbox;

/// <summary>The outcome of a step; <c>Replayed</c> is true when the Idempotency-Key had been used and nothing was done again.</summary>
public sealed record CaseStepResponse(Guid CaseId, string State, long Version, bool Replayed);
