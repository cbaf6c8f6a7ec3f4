using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;
using WeLink.Server.Tests.Identities;

namespace WeLink.Server.Tests.EndToEnd;

/// <summary>
/// Onboarding as a brand lives it, with nothing short-circuited: tickets and authorization events reach WeLink
/// as the sandbox's signed, encrypted pushes to the real callback URLs, pass through the inbox and its dispatcher,
/// and every person acts through the pages or OAuth redirects.
/// </summary>
public abstract class DealerJourneyTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_new_dealer_is_approved_authorized_installed_and_linked_and_its_consumers_and_staff_get_sessions()
    {
        await using var site = await AdminHost.StartAsync(provider, null, "--Sandbox:PushTicketsOnSchedule=false", "--Onboarding:WeComTestMode=true");
        var host = site.Host;
        var world = host.Services.GetRequiredService<SandboxWorld>().Snapshot();
        var account = world.Accounts.Single(a => a.Nickname == "Aurora Motors Beijing Dealer");
        var corp = world.Corps.Single(c => c.Corp.Name == "Aurora Beijing Dealer").Corp;
        await PlatformTickets.PushAsync(host);

        using var root = await site.RootAsync();
        var brand = await root.PostOkAsync<JsonElement>("/api/admin/brands", new { name = "Aurora Motors" });
        var dealer = await root.PostOkAsync<JsonElement>(
            $"/api/admin/brands/{brand.GetProperty("id").GetGuid()}/dealers", new { code = "BJ01", name = "Aurora Beijing" });
        var dealerId = dealer.GetProperty("id").GetGuid();
        var approved = await root.PostOkAsync<JsonElement>($"/api/admin/dealers/{dealerId}/approve", new { version = dealer.GetProperty("version").GetInt32() });
        Assert.Equal("approved", approved.GetProperty("status").GetString(), ignoreCase: true);

        var authorized = await OnboardingPages.AuthorizeThroughPagesAsync(root.Http, dealerId, account.AppId);
        Assert.Contains("data-result=\"Bound\"", authorized, StringComparison.Ordinal);
        var installed = await OnboardingPages.InstallThroughPagesAsync(root.Http, dealerId, corp.CorpId);
        Assert.Contains("data-result=\"Bound\"", installed, StringComparison.Ordinal);

        var link = await root.GetOkAsync<JsonElement>($"/api/admin/dealers/{dealerId}/link");
        Assert.True(link.GetProperty("linked").GetBoolean(), link.GetRawText());
        var page = await root.Http.GetStringAsync(new Uri($"/admin/dealers/{dealerId}", UriKind.Relative));
        Assert.Contains("data-linked=\"true\"", page, StringComparison.Ordinal);

        var person = world.Consumers[0].Consumer.Id;
        var follow = await host.Http.PostAsJsonAsync(
            new Uri("/sandbox/control/consumers/follow", UriKind.Relative), new { consumer_id = person, appid = account.AppId });
        Assert.True(follow.IsSuccessStatusCode, await follow.Content.ReadAsStringAsync());
        var openId = (await follow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openid").GetString();
        await Poll.UntilAsync(
            () => site.Database.ScalarAsync<string?>("SELECT subscription FROM consumers WHERE open_id = @openId AND dealer_id = @dealerId", new { openId, dealerId }),
            subscription => subscription == "following",
            Deadline.BackgroundWork,
            "the follower to appear as a consumer of the dealer");

        using var consumer = NewBrowser(host);
        var signedIn = await IdentityWorld.SignInConsumerAsync(consumer, dealerId, person);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var me = await consumer.GetFromJsonAsync<JsonElement>(new Uri("/api/consumer/me", UriKind.Relative));
        Assert.Equal(dealerId, me.GetProperty("dealerId").GetGuid());
        var follower = await site.Database.ScalarAsync<string>("SELECT CAST(id AS TEXT) FROM consumers WHERE open_id = @openId", new { openId });
        Assert.Equal(Guid.Parse(follower), me.GetProperty("id").GetGuid());
        Assert.Equal("following", me.GetProperty("subscription").GetString());

        var staffList = await root.GetOkAsync<JsonElement>($"/api/admin/dealers/{dealerId}/staff");
        var userId = staffList.GetProperty("staff")[0].GetProperty("userId").GetString()!;
        using var staff = NewBrowser(host);
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityWorld.SignInStaffAsync(staff, userId)).StatusCode);
        var staffMe = await staff.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/me", UriKind.Relative));
        Assert.Equal(dealerId, staffMe.GetProperty("dealerId").GetGuid());

        Assert.Equal(HttpStatusCode.Unauthorized, (await consumer.GetAsync(new Uri("/api/staff/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync(new Uri("/api/consumer/me", UriKind.Relative))).StatusCode);
    }

    private static HttpClient NewBrowser(WeLinkTestHost host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
}

public sealed class DealerJourneyTests_on_Sqlite() : DealerJourneyTests(DatabaseProvider.Sqlite);

public sealed class DealerJourneyTests_on_Postgres() : DealerJourneyTests(DatabaseProvider.Postgres);
