using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Admin;

/// <summary>
/// A consumer notice that the sandbox's WeChat refuses (the dealer deleted WeLink's template from its account: 40037)
/// shows, with WeChat's error, its attempts and its next attempt, on the portal's page beside parked callback events.
/// WeLink forgets the refused template id, so the admin's retry on that page adds the template again and delivers the
/// notice once; both retries are in the audit log.
/// </summary>
public abstract class FailingDeliveriesPageTests(DatabaseProvider provider)
{
    private const string TemplateSend = "template/send";

    /// <summary>WeChat's errcode for a template id the account does not have.</summary>
    private const int InvalidTemplate = 40037;

    [Fact]
    public async Task A_refused_template_message_shows_in_the_portal_with_its_error_and_the_pages_retry_adds_the_template_again_and_delivers_it_once()
    {
        // An hour before the second attempt, so within the test only the admin's retry sends the message again.
        await using var world = await ComplaintWorld.StartAsync(provider, "--Cases:OutboxFirstRetryDelay=01:00:00", "--Cases:OutboxMaxRetryDelay=01:00:00");
        await world.ControlAsync("faults/api", new { api = "cgi-bin/message/template/send", count = 1, errcode = InvalidTemplate });
        using var consumer = await world.ConsumerAsync(world.People[0]);
        var openId = await world.OpenIdAsync(world.People[0]);
        await ComplaintTests.FileAsync(consumer, "refused-receipt", "服务态度", "normal");

        using (var admin = await world.PlatformAdminAsync())
        {
            var failing = await Poll.UntilAsync(
                () => admin.GetOkAsync<JsonElement>("/api/admin/outbox?status=failing"), f => f.GetArrayLength() > 0, Deadline.BackgroundWork, "the refused receipt to be recorded");
            var item = Assert.Single(failing.EnumerateArray());
            Assert.Equal(("pending", 1), (item.GetProperty("status").GetString(), item.GetProperty("attempts").GetInt32()));
            var error = item.GetProperty("lastError").GetString()!;
            Assert.Contains(InvalidTemplate.ToString(CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
            Assert.True(item.GetProperty("nextAttemptAt").GetDateTimeOffset() > world.Clock.GetUtcNow().AddMinutes(50));

            var row = DeliveryRow(await admin.Http.GetStringAsync(new Uri("/admin/inbox", UriKind.Relative)), item.GetProperty("id").GetGuid());
            Assert.Contains(WebUtility.HtmlEncode(error), row, StringComparison.Ordinal);
            Assert.Contains("等待重试", row, StringComparison.Ordinal);
            Assert.Empty(await world.MessagesAsync(TemplateSend, openId));
        }

        // The delivery waits out its hour until an admin retries it.
        using var root = await world.PlatformAdminAsync();
        var id = Assert.Single((await root.GetOkAsync<JsonElement>("/api/admin/outbox?status=failing")).EnumerateArray()).GetProperty("id").GetGuid();
        var token = await PortalForm.TokenAsync(root, "/admin/inbox");
        var retried = await PortalForm.PostAsync(root, $"/admin/inbox?handler=RetryDelivery&id={id}", [new(PortalForm.TokenField, token)]);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);

        var receipt = Assert.Single(await world.AwaitMessagesAsync(TemplateSend, openId, 1, "the receipt after the retry"));
        var added = world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Accounts.Single(a => a.AppId == world.BeijingAppId).Templates
            .Where(t => t.Title == "服务进度通知").Select(t => t.TemplateId).ToList();
        Assert.Equal(2, added.Count);
        Assert.Equal(added[1], receipt.GetProperty("body").GetProperty("template_id").GetString());
        await Poll.UntilAsync(
            () => world.Database.ScalarAsync<string>("SELECT status FROM outbox WHERE id = @id", new { id }), s => s == "done", Deadline.Delivery, "the retried delivery to finish");
        Assert.Single(await world.MessagesAsync(TemplateSend, openId));
        Assert.Contains("没有失败的投递。", await root.Http.GetStringAsync(new Uri("/admin/inbox", UriKind.Relative)), StringComparison.Ordinal);

        // A retry of what no longer fails is refused, and audited as refused.
        Assert.Equal(HttpStatusCode.NotFound, (await root.PostAsync($"/api/admin/outbox/{id}/retry", null)).StatusCode);
        Assert.Equal(
            ["refused root@welink.test", "succeeded root@welink.test"],
            await world.Database.QueryAsync<string>(
                "SELECT outcome || ' ' || actor_email FROM audit_log WHERE action = 'outbox.retry' AND target_id = @id ORDER BY outcome", new { id = id.ToString() }));
    }

    [Fact]
    public async Task The_failing_list_refuses_an_unknown_status_and_a_retry_of_an_unknown_delivery_is_not_found()
    {
        await using var world = await ComplaintWorld.StartAsync(provider);
        using var admin = await world.PlatformAdminAsync();

        var unknownStatus = await admin.Http.GetAsync(new Uri("/api/admin/outbox?status=broken", UriKind.Relative));
        var unknownItem = await admin.PostAsync($"/api/admin/outbox/{Guid.CreateVersion7()}/retry", null);
        var page = await admin.Http.GetStringAsync(new Uri("/admin/inbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
        Assert.Contains("failing", await unknownStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Contains("没有失败的投递。", page, StringComparison.Ordinal);
    }

    /// <summary>The page's table row of one delivery; fails the test when the page has none.</summary>
    internal static string DeliveryRow(string page, Guid id)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.IndexOf($"data-delivery=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the portal page lists no failing delivery {id}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

public sealed class FailingDeliveriesPageTests_on_Sqlite() : FailingDeliveriesPageTests(DatabaseProvider.Sqlite);

public sealed class FailingDeliveriesPageTests_on_Postgres() : FailingDeliveriesPageTests(DatabaseProvider.Postgres);
