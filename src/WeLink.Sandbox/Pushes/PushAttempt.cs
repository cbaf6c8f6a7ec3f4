namespace WeLink.Sandbox.Pushes;

/// <summary>One HTTP delivery attempt; <paramref name="StatusCode"/> is null when no answer came.</summary>
public sealed record PushAttempt(int Number, DateTimeOffset At, int? StatusCode, string? Error, double ElapsedMilliseconds);
