using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Identities;

namespace WeLink.Server.Tests.LocalRun;

/// <summary>The README's `dotnet run`, as a newcomer meets it: restarts, the sandbox clock, the first complaint.</summary>
public sealed class LocalRunTests
{
    [Fact]
    public async Task A_dealer_linked_before_a_restart_still_takes_followers_and_signs_in_consumers_and_staff_after_it()
    {
        await using var host = await LocalRunHost.StartAsync();
        var scene = await LocalRunScene.LinkBeijingDealerAsync(host);
        var sandboxFile = Path.Combine(host.DataFolder, "sandbox-state.json");
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(sandboxFile)), saved => saved, LocalRunScene.Deadline, "the sandbox state to be saved");

        await host.RestartAsync();
        await scene.SignInAgainAsync();

        var link = await scene.AdminJsonAsync(HttpMethod.Get, $"/api/admin/dealers/{scene.DealerId}/link");
        Assert.True(link.GetProperty("linked").GetBoolean(), link.GetRawText());
        var person = scene.Consumers[1];
        var follow = await scene.ControlAsync("consumers/follow", new { consumer_id = person, appid = scene.AppId });
        var openId = follow.GetProperty("openid").GetString();
        await Poll.UntilAsync(
            () => host.QuerySingleAsync<long>(
                "SELECT COUNT(*) FROM consumers WHERE open_id = @openId AND dealer_id = @dealerId AND subscription = 'following'",
                new { openId, dealerId = scene.DealerId }),
            found => found == 1,
            LocalRunScene.Deadline,
            "the follower to appear as a consumer of the dealer after the restart");

        using var consumer = scene.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInConsumerAsync(consumer, scene.DealerId, person)).StatusCode);
        var me = await consumer.GetFromJsonAsync<JsonElement>(new Uri("/api/consumer/me", UriKind.Relative));
        Assert.Equal(scene.DealerId, me.GetProperty("dealerId").GetGuid());

        using var staff = scene.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInStaffAsync(staff, scene.Staff[2].UserId)).StatusCode);
        var staffMe = await staff.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/me", UriKind.Relative));
        Assert.Equal(scene.DealerId, staffMe.GetProperty("dealerId").GetGuid());
    }

    [Fact]
    public async Task A_complaint_filed_before_anyone_had_a_role_goes_to_the_first_advisor_and_advancing_the_sandbox_clock_escalates_it()
    {
        await using var host = await LocalRunHost.StartAsync();
        var scene = await LocalRunScene.LinkBeijingDealerAsync(host);
        var (manager, advisor) = (scene.Staff[0], scene.Staff[2]);
        var advisorId = await scene.StaffIdAsync(advisor.UserId);
        var dealerPage = $"/admin/dealers/{scene.DealerId}";
        Assert.Contains("data-notice=\"no-staff-roles\"", await scene.Admin.GetStringAsync(new Uri(dealerPage, UriKind.Relative)), StringComparison.Ordinal);

        var (caseId, openId) = await FileComplaintAsync(scene, scene.Consumers[0]);

        // No template id is set anywhere: WeLink adds its status template to the dealer's account and the receipt arrives.
        var receipt = await Poll.UntilAsync(
            () => scene.MessagesToAsync(openId), m => m.Count > 0, LocalRunScene.Deadline, "the consumer's receipt on their phone");
        Assert.Equal("已受理", receipt[0].GetProperty("body").GetProperty("data").GetProperty("phrase2").GetProperty("value").GetString());
        await Poll.UntilAsync(
            () => host.QuerySingleAsync<string?>("SELECT assignee_role FROM cases WHERE id = @caseId", new { caseId }),
            role => role == StaffRoles.ServiceAdvisor,
            LocalRunScene.Deadline,
            "the complaint to wait in the service advisors' queue");
        Assert.Null(await host.QuerySingleAsync<Guid?>("SELECT assignee_staff_id FROM cases WHERE id = @caseId", new { caseId }));

        await scene.GrantRoleAsync(advisor.UserId, StaffRoles.ServiceAdvisor);

        Assert.Equal(advisorId, await host.QuerySingleAsync<Guid?>("SELECT assignee_staff_id FROM cases WHERE id = @caseId", new { caseId }));
        Assert.Equal("case.reassign system", await host.QuerySingleAsync<string>(
            "SELECT trigger || ' ' || actor_kind FROM case_history WHERE case_id = @caseId ORDER BY sequence DESC LIMIT 1", new { caseId }));
        var told = await Poll.UntilAsync(
            () => scene.MessagesToAsync(advisor.UserId), m => m.Count > 0, LocalRunScene.Deadline, "the advisor to be told about the waiting complaint");
        Assert.Contains("已转交给您", told[^1].GetProperty("body").GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-notice=\"no-staff-roles\"", await scene.Admin.GetStringAsync(new Uri(dealerPage, UriKind.Relative)), StringComparison.Ordinal);

        await scene.GrantRoleAsync(manager.UserId, StaffRoles.ServiceManager);
        var before = (await scene.MessagesToAsync(manager.UserId)).Count;

        // Two days hold at least nine business hours whatever the hour now, past any first-response limit.
        await scene.ControlAsync("clock/advance", new { seconds = TimeSpan.FromDays(2).TotalSeconds });

        await Poll.UntilAsync(
            () => host.QuerySingleAsync<string>("SELECT state FROM cases WHERE id = @caseId", new { caseId }),
            state => state == "escalated",
            LocalRunScene.Deadline,
            "the first-response breach to escalate the complaint");
        Assert.Equal(1, await host.QuerySingleAsync<long>(
            "SELECT COUNT(*) FROM case_history WHERE case_id = @caseId AND trigger = 'first_response_overdue' AND actor_kind = 'system'", new { caseId }));
        await Poll.UntilAsync(
            () => scene.MessagesToAsync(manager.UserId), messages => messages.Count > before, LocalRunScene.Deadline, "the escalation on the manager's phone");

        // Pushes stamped with the advanced clock are still fresh to WeLink: a follow after the advance is taken.
        var late = scene.Consumers[2];
        var follow = await scene.ControlAsync("consumers/follow", new { consumer_id = late, appid = scene.AppId });
        var lateOpenId = follow.GetProperty("openid").GetString();
        await Poll.UntilAsync(
            () => host.QuerySingleAsync<long>("SELECT COUNT(*) FROM consumers WHERE open_id = @openId", new { openId = lateOpenId }),
            found => found == 1,
            LocalRunScene.Deadline,
            "a follow pushed after the advance to be taken");
    }

    [Fact]
    public async Task A_consumer_notice_WeChat_keeps_refusing_shows_on_the_portals_failing_list_with_WeChats_error()
    {
        await using var host = await LocalRunHost.StartAsync();
        var scene = await LocalRunScene.LinkBeijingDealerAsync(host);
        await scene.ControlAsync("faults/api", new { api = "cgi-bin/message/template/send", count = 100, errcode = 40037 });

        var (caseId, _) = await FileComplaintAsync(scene, scene.Consumers[0]);

        var page = await Poll.UntilAsync(
            () => scene.Admin.GetStringAsync(new Uri("/admin/inbox", UriKind.Relative)),
            html => html.Contains(caseId.ToString(), StringComparison.Ordinal),
            LocalRunScene.Deadline,
            "the refused receipt on the portal's failing list");
        var at = page.IndexOf(caseId.ToString(), StringComparison.Ordinal);
        var row = page[page.LastIndexOf("<tr", at, StringComparison.Ordinal)..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
        Assert.Contains("data-delivery=", row, StringComparison.Ordinal);
        Assert.Contains("40037", row, StringComparison.Ordinal);
    }

    /// <summary>The person follows the dealer's account, signs in and files a complaint; its case id.</summary>
    /// <returns>The complaint's case id, and the person's openid in the dealer's account.</returns>
    private static async Task<(Guid CaseId, string OpenId)> FileComplaintAsync(LocalRunScene scene, string person)
    {
        var follow = await scene.ControlAsync("consumers/follow", new { consumer_id = person, appid = scene.AppId });
        using var consumer = scene.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInConsumerAsync(consumer, scene.DealerId, person)).StatusCode);
        using var filing = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/consumer/complaints", UriKind.Relative))
        {
            Content = JsonContent.Create(new { category = "车辆故障", description = "保养后发动机异响。", severity = "high", vehicle = "京A12345" }),
        };
        filing.Headers.Add("Idempotency-Key", "first-complaint");
        var filed = await consumer.SendAsync(filing);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        return ((await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), follow.GetProperty("openid").GetString()!);
    }
}
