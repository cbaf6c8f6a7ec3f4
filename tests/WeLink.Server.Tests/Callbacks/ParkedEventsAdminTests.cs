using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Callbacks;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Callbacks;

/// <summary>A parked event is visible, with its error, to a platform admin signed in for real, and to no one else.</summary>
public abstract class ParkedEventsAdminTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_parked_event_shows_with_its_error_in_the_api_and_the_portal_and_goes_round_again_on_retry()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var handler = new RecordingHandler { FailuresBeforeSuccess = 1 };
        await using var host = await CallbackHosts.StartAsync(
            database,
            handler,
            ["--Inbox:MaxAttempts=1", $"--Admin:BootstrapEmail={AdminHost.RootEmail}", $"--Admin:BootstrapPassword={AdminHost.RootPassword}"]);
        var now = DateTimeOffset.UtcNow;
        using var push = await SignedPush.ToAccount("wxdealer0001", SignedPush.TextMessage("test:park", SignedPush.NextMsgId(), now), now).PostAsync(host.Http);
        await Poll.UntilAsync(() => database.InboxCountAsync(InboxStatus.Parked), n => n == 1, Deadline.BackgroundWork, "the event to be parked");
        using var root = await AdminClient.SignedInAsync(host, AdminHost.RootEmail, AdminHost.RootPassword);

        var listed = await root.GetOkAsync<JsonElement>("/api/admin/inbox?status=parked");
        var parked = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Contains("Simulated failure 1", parked.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var page = await root.Http.GetStringAsync(new Uri("/admin/inbox", UriKind.Relative));
        Assert.Contains($"data-event=\"{parked.GetProperty("id").GetGuid()}\"", page, StringComparison.Ordinal);
        Assert.Contains("Simulated failure 1", page, StringComparison.Ordinal);

        var retried = await root.PostAsync($"/api/admin/inbox/{parked.GetProperty("id").GetGuid()}/retry", null);
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
        host.Services.GetRequiredService<WorkSignal<InboxDispatcher>>().Notify();
        await Poll.UntilAsync(() => database.InboxCountAsync(InboxStatus.Done), n => n == 1, Deadline.BackgroundWork, "the retried event to be handled");

        var brand = await root.PostOkAsync<JsonElement>("/api/admin/brands", new { name = "Aurora Motors" });
        await root.PostOkAsync<JsonElement>(
            $"/api/admin/brands/{brand.GetProperty("id").GetGuid()}/hq-admins", new { email = "hq@welink.test", displayName = "HQ", password = "hq-password-0123" });
        using var hq = await AdminClient.SignedInAsync(host, "hq@welink.test", "hq-password-0123");
        Assert.Equal(HttpStatusCode.Forbidden, (await hq.Http.GetAsync(new Uri("/api/admin/inbox?status=parked", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hq.Http.GetAsync(new Uri("/admin/inbox", UriKind.Relative))).StatusCode);
    }
}

public sealed class ParkedEventsAdminTests_on_Sqlite() : ParkedEventsAdminTests(DatabaseProvider.Sqlite);

public sealed class ParkedEventsAdminTests_on_Postgres() : ParkedEventsAdminTests(DatabaseProvider.Postgres);
