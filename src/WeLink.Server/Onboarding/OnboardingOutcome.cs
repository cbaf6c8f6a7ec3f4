namespace WeLink.Server.Onboarding;

public enum OnboardingResult
{
    Bound,
    Refused,

    /// <summary>Another request holds the code and has not finished within the wait.</summary>
    Pending,
}

/// <summary>What became of one authorization or install, as the result page shows it.</summary>
public sealed record OnboardingOutcome(OnboardingResult Result, string Message, string? SubjectId)
{
    public static OnboardingOutcome Bound(string message, string subjectId) => new(OnboardingResult.Bound, message, subjectId);

    public static OnboardingOutcome Refused(string reason, string? subjectId = null) => new(OnboardingResult.Refused, reason, subjectId);
}
