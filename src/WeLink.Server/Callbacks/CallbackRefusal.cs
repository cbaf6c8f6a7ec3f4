namespace WeLink.Server.Callbacks;

/// <summary>
/// Why WeLink will not store a callback: answered with a 4xx ProblemDetails. <see cref="Reason"/> is a short metric
/// tag; <see cref="Message"/> says what was wrong without any part of the payload. A result rather than an exception,
/// because forged, stale and misaddressed pushes arrive on the hot path and must cost no more than accepted ones.
/// </summary>
public sealed record CallbackRefusal(int StatusCode, string Reason, string Message);
