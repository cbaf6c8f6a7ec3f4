using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Complaints;
using static Microsoft.Playwright.Assertions;
using static WeLink.Server.Tests.StaffApp.CasePageSteps;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// The staff app (wecom-app/, built by WeLink.Server's build and served under /wecom-app/) in headless Chromium at a
/// phone's size, against a real WeLink with its in-process sandbox: staff sign in through the sandbox's WeCom OAuth and
/// handle a complaint a consumer filed through the consumer API. `WELINK_SCREENSHOTS=1` saves the README's screenshots.
/// </summary>
public sealed class StaffAppJourneyBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_deep_link_survives_the_sign_in_through_the_sandboxs_WeCom_page_and_signing_out_ends_the_session()
    {
        await using var advisor = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, "/me");

        await Expect(advisor.Page.Locator("[data-testid=me-name]")).ToHaveTextAsync(_world.Advisor.Name);
        await Expect(advisor.Page.GetByText("服务顾问")).ToBeVisibleAsync();
        await advisor.Page.Locator("[data-testid=sign-out]").ClickAsync();
        await Expect(advisor.Page.Locator("[data-testid=signed-out]")).ToBeVisibleAsync();

        // Without the session the same page goes through sign-in again.
        await advisor.Page.ReloadAsync();
        await Expect(advisor.Page.Locator(".card", new() { HasText = _world.Advisor.Name })).ToBeVisibleAsync();
        Assert.Empty(advisor.Errors);
    }

    [Fact]
    public async Task An_advisor_handles_a_complaint_in_the_app_with_the_managers_approval_and_a_second_advisor_sees_the_conflict()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await ComplaintTests.FileAsync(consumer, "app-journey", "服务态度", "high");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the advisor's assignment");
        var secondAdvisor = await SecondAdvisorAsync();
        var row = $"[data-testid=case-row][data-case-id='{complaint.Id}']";

        await using var advisor = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, "/inbox");
        await Expect(advisor.Page.Locator(row)).ToBeVisibleAsync();
        await advisor.ScreenshotAsync("inbox");

        await advisor.Page.Locator(row).ClickAsync();
        await ExpectStateAsync(advisor.Page, "received");
        await StepAsync(advisor.Page, "acknowledge", "in_progress");
        foreach (var step in new[] { "listen", "empathize", "apologize", "delight" })
        {
            await StepAsync(advisor.Page, step, "in_progress", ("note", $"已完成：{step}"));
        }

        await advisor.Page.Locator("[data-testid=note-input] textarea").FillAsync("客户希望周末到店复检");
        await advisor.Page.Locator("[data-testid=add-note]").ClickAsync();
        await Expect(advisor.Page.Locator("[data-testid=case-note]")).ToContainTextAsync("客户希望周末到店复检");
        await advisor.ScreenshotAsync("case");

        await StepAsync(advisor.Page, "offer_remedy", "awaiting_manager_approval", ("remedyPoints", "800"), ("remedyDescription", "赠送保养积分"));
        await Expect(advisor.Page.Locator("[data-testid=case-actions] [data-trigger]")).ToHaveCountAsync(0);

        // The manager opens the case from a deep link (as from the approval card): sign-in keeps the route.
        await using (var manager = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Manager.Name, $"/cases/{complaint.Id}"))
        {
            await StepAsync(manager.Page, "approve_remedy", "in_progress");
            Assert.Empty(manager.Errors);
        }

        await using var second = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, secondAdvisor.Name, $"/cases/{complaint.Id}");
        await ExpectStateAsync(second.Page, "in_progress");

        await advisor.Page.ReloadAsync();
        await StepAsync(advisor.Page, "resolve", "resolved", ("resolution", "已更换部件并赠送保养积分，客户认可"));

        // The second advisor's page still offers resolve at the old version: pressing it is refused, shown and refreshed.
        await FireAsync(second.Page, "resolve", ("resolution", "我也来处理"));
        await Expect(second.Page.Locator(".t-toast")).ToContainTextAsync("该工单已被他人处理，已刷新");
        await ExpectStateAsync(second.Page, "resolved");
        await Expect(second.Page.Locator("[data-testid=action-form]")).ToHaveCountAsync(0);
        Assert.Equal("resolved", (await _world.CaseAsync(complaint.Id)).State);
        Assert.Empty(advisor.Errors);
        Assert.Empty(second.Errors);
    }

    /// <summary>Beijing's consultant becomes a second service advisor (after the assignment, so the complaint stays with the first).</summary>
    private async Task<StaffMember> SecondAdvisorAsync()
    {
        var member = _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Corps[0].Staff[1];
        await Seed.In(_world.Host.Services).StaffAsync(_world.BeijingDealerId, member.UserId, s => s.Named(member.Name).Roles(StaffRoles.ServiceAdvisor));
        return member;
    }
}
