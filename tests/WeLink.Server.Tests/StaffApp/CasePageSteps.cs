using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>What a staff member does on the app's case page, by the markers the page gives its buttons and fields.</summary>
internal static class CasePageSteps
{
    /// <summary>Presses the step's button and, when it has a form, fills each field and submits it.</summary>
    public static async Task FireAsync(IPage page, string trigger, params (string Field, string Value)[] input)
    {
        await page.Locator($"[data-testid=case-actions] [data-trigger='{trigger}']").ClickAsync();
        if (input.Length == 0)
        {
            return;
        }

        var form = page.Locator("[data-testid=action-form]");
        foreach (var (field, value) in input)
        {
            await form.Locator($"[data-field='{field}']").Locator("input, textarea").First.FillAsync(value);
        }

        await form.Locator("[data-testid=action-submit]").ClickAsync();
    }

    /// <summary>Fires a step and waits until its form has closed and the page shows the case in <paramref name="state"/>.</summary>
    public static async Task StepAsync(IPage page, string trigger, string state, params (string Field, string Value)[] input)
    {
        await FireAsync(page, trigger, input);
        await Expect(page.Locator("[data-testid=action-form]")).ToHaveCountAsync(0);
        await ExpectStateAsync(page, state);
    }

    public static Task ExpectStateAsync(IPage page, string state) =>
        Expect(page.Locator("[data-testid=case-state]")).ToHaveAttributeAsync("data-state", state);
}
