using System.Net;

namespace WeLink.Server.Onboarding;

/// <summary>The page the dealer admin lands on after WeChat or WeCom sends the browser back.</summary>
public static class ResultPage
{
    public static IResult Render(string title, OnboardingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var (heading, css) = outcome.Result switch
        {
            OnboardingResult.Bound => ("已关联", "ok"),
            OnboardingResult.Refused => ("未关联", "refused"),
            _ => ("处理中", "pending"),
        };
        var html = $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} · WeLink</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}
            .ok{color:#07c160}.refused{color:#b00020}.pending{color:#777}</style></head>
            <body><h1>{{WebUtility.HtmlEncode(title)}}</h1>
            <h2 class="{{css}}" data-result="{{outcome.Result}}">{{heading}}</h2>
            <p id="message">{{WebUtility.HtmlEncode(outcome.Message)}}</p>
            </body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
