namespace WeLink.Server.Onboarding;

/// <summary>A row of <c>link_refusals</c>: the latest refused attempt of one side.</summary>
public sealed record RefusalRecord(string Side, string Reason, string? SubjectId, DateTimeOffset RefusedAt);
