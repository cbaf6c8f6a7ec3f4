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
    /// <summary>The dealer a link was started for is gone (deleted while WeChat's page was open).</summary>
    public const string UnknownDealer = "这家经销商已不存在，请回到 WeLink 重新开始。";

    public static OnboardingOutcome Bound(string message, string subjectId) => new(OnboardingResult.Bound, message, subjectId);

    public static OnboardingOutcome Refused(string reason, string? subjectId = null) => new(OnboardingResult.Refused, reason, subjectId);
}
