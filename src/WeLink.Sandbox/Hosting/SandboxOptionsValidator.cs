using Microsoft.Extensions.Options;

namespace WeLink.Sandbox.Hosting;

/// <summary>Fails start-up with messages that name the setting to fix.</summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Require(failures, options.Component.AppId, "Sandbox:Component:AppId");
        Require(failures, options.Component.AppSecret, "Sandbox:Component:AppSecret");
        Require(failures, options.Component.Token, "Sandbox:Component:Token");
        RequireAesKey(failures, options.Component.EncodingAesKey, "Sandbox:Component:EncodingAesKey");
        Require(failures, options.Suite.SuiteId, "Sandbox:Suite:SuiteId");
        Require(failures, options.Suite.SuiteSecret, "Sandbox:Suite:SuiteSecret");
        Require(failures, options.Suite.Token, "Sandbox:Suite:Token");
        RequireAesKey(failures, options.Suite.EncodingAesKey, "Sandbox:Suite:EncodingAesKey");
        Require(failures, options.ProviderCorpId, "Sandbox:ProviderCorpId");
        if (options.CallbackBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add("Sandbox:CallbackBaseUrl must be an absolute URL such as http://127.0.0.1:5000.");
        }

        if (options.TicketPushInterval <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:TicketPushInterval must be positive (the real platforms push every 00:10:00).");
        }

        if (options.PushAttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:PushAttemptTimeout must be positive (the real platforms wait 00:00:05).");
        }

        if (options.UrlCheckAnswerWithin <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:UrlCheckAnswerWithin must be positive (WeCom allows 00:00:01).");
        }

        if (options.StateSaveInterval <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:StateSaveInterval must be positive, e.g. 00:00:01.");
        }

        if (options.Quotas.DefaultDailyBudget <= 0 || options.Quotas.DailyBudgets.Values.Any(b => b <= 0))
        {
            failures.Add("Sandbox:Quotas budgets must be positive numbers of calls per day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required.");
        }
    }

    private static void RequireAesKey(List<string> failures, string value, string key)
    {
        if (value.Length != 43 || !value.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"{key} must be exactly 43 letters or digits (WeChat's EncodingAESKey).");
        }
    }
}
