using Microsoft.Playwright;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Browser;

/// <summary>
/// The sandbox's /sandbox/phones page. Every action there is a small form whose hidden fields say who
/// acts and on what, so the locators pick forms by those fields rather than by layout.
/// </summary>
public sealed class PhonesPage(IPage page, SandboxHost sandbox)
{
    public Task OpenAsync() => page.GotoAsync(new Uri(sandbox.BaseAddress, "phones").ToString());

    /// <summary>The button of an interactive card a staff member received.</summary>
    public ILocator CardButton(string userId, string taskId, string key) =>
        ActionForm("press-card", ("userid", userId), ("task_id", taskId), ("key", key)).Locator("button");

    /// <summary>A consumer's form for one official account, e.g. "follow" or "send-text".</summary>
    public ILocator ConsumerForm(string action, string consumerId, string appId) =>
        ActionForm(action, ("consumer_id", consumerId), ("appid", appId));

    /// <summary>What the sandbox shows when an action does not fit the world.</summary>
    public ILocator Errors => page.Locator(".error");

    private ILocator ActionForm(string action, params (string Name, string Value)[] fields) =>
        page.Locator("form" + string.Concat(fields.Prepend((Name: "action", Value: action)).Select(f => $""":has(input[name="{f.Name}"][value="{f.Value}"])""")));
}
