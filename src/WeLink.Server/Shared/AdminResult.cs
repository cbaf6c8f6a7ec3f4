namespace WeLink.Server.Shared;

public enum ActionOutcome
{
    Done,
    Invalid,
    NotFound,
    NotAllowed,

    /// <summary>A stale version, a duplicate name or code: the request was fine but the data moved.</summary>
    Conflict,

    /// <summary>
    /// An id in the request body names nothing the caller may use (another tenant's, or nothing at all): 422, the same
    /// answer for both, as the engine answers a reassignment to someone who is not the case's dealer's.
    /// </summary>
    UnknownReference,
}

/// <summary>How an admin action ended, with the thing it made or changed, or a reason a person can act on.</summary>
public sealed record AdminResult<T>(ActionOutcome Outcome, T? Value, string? Problem)
    where T : class;

public static class AdminResult
{
    public static AdminResult<T> Done<T>(T value)
        where T : class => new(ActionOutcome.Done, value, null);

    public static AdminResult<T> Refused<T>(ActionOutcome outcome, string problem)
        where T : class => new(outcome, null, problem);
}
