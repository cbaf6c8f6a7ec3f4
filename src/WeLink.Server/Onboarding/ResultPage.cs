using WeLink.Server.Shared;

namespace WeLink.Server.Onboarding;

/// <summary>The page the dealer admin lands on after WeChat or WeCom sends the browser back.</summary>
public static class ResultPage
{
    public static IResult Render(string title, OnboardingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var (heading, tone) = outcome.Result switch
        {
            OnboardingResult.Bound => ("已关联", "ok"),
            OnboardingResult.Refused => ("未关联", "refused"),
            _ => ("处理中", "pending"),
        };
        return TypedResults.Content(PlainPage.Html(title, heading, tone, outcome.Result.ToString(), outcome.Message), "text/html; charset=utf-8");
    }
}
