using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Calendars.Api;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Calendars;

/// <summary>
/// A complaint's first-response SLA counted in the dealer's own business hours, end to end: the calendar set through the
/// admin API, the complaint filed through the consumer API, the breach fired by the timer runner of a host started after
/// the one that filed it, and the escalation delivered through the sandbox's WeCom.
/// </summary>
public abstract class BusinessHoursComplaintTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] OpenDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_high_complaint_filed_at_17_on_Friday_breaches_at_noon_on_Monday_across_a_restart_when_Saturday_is_a_holiday()
    {
        var friday = _world.NextBeijingTime(new TimeOnly(17, 0), DayOfWeek.Friday);
        var (saturday, monday) = (friday.AddDays(1), friday.AddDays(3));
        using (var admin = await _world.PlatformAdminAsync())
        {
            // Open Monday to Saturday 09:00-18:00; the Saturday is a brand holiday every dealer of the brand inherits.
            await PutOkAsync(admin, $"/api/admin/dealers/{_world.BeijingDealerId}/calendar", new DealerCalendarRequest(
                "Asia/Shanghai",
                OpenDays.ToDictionary(d => d, _ => (IReadOnlyList<string?>?)["09:00-18:00"]),
                [],
                [],
                0));
            await PutOkAsync(admin, $"/api/admin/brands/{_world.BrandId}/holidays", new BrandHolidaysRequest(
                [new HolidayEntry(DateOnly.FromDateTime(saturday.DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "门店团建")],
                0));
        }

        await _world.FollowAsync(_world.People[0]);
        _world.Clock.AdvanceTo(friday);
        Guid caseId;
        using (var consumer = await _world.SignInAsync(_world.People[0]))
        {
            caseId = (await ComplaintTests.FileAsync(consumer, "friday-evening", "车辆故障", "high")).Id;
            await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Advisor.UserId, 1, "the advisor's card");
        }

        // One hour on Friday, none on the holiday or the closed Sunday, three on Monday: due at 12:00 on Monday, the
        // reminder two business hours before. The case was filed a moment after 17:00 and every due time is that much later.
        var started = await CaseAsync(caseId);
        var late = started.History[0].At - friday;
        Assert.InRange(late, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(monday.AddHours(-5) + late, DueAt(started, "first_response_breach_high"));
        Assert.Equal(monday.AddHours(-7) + late, DueAt(started, "first_response_reminder_high"));

        await _world.RestartAsync();

        // Monday 11:00, 66 hours on the wall clock after filing: the reminder has fired, the breach has not.
        _world.Clock.AdvanceTo(monday.AddHours(-6));
        var reminded = await Poll.UntilAsync(() => CaseAsync(caseId), c => c.History.Any(h => h.Trigger == "first_response_reminder"), Deadline.BackgroundWork, "the reminder");
        Assert.Equal("received", reminded.State);
        Assert.Null(reminded.BreachedAt);
        Assert.DoesNotContain(reminded.History, h => h.Trigger == "first_response_overdue");
        Assert.Empty(await _world.MessagesAsync(ComplaintTests.WecomSend, _world.Manager.UserId));

        _world.Clock.AdvanceTo(monday.AddHours(-5) + late);
        var breached = await Poll.UntilAsync(() => CaseAsync(caseId), c => c.BreachedAt is not null, Deadline.BackgroundWork, "the first-response breach");
        var breach = Assert.Single(breached.History, h => h.Trigger == "first_response_overdue");
        Assert.Equal(("system", "received", "escalated"), (breach.ActorKind, breach.From, breach.To));
        Assert.Equal("escalated", breached.State);
        Assert.InRange(breached.BreachedAt!.Value - (monday.AddHours(-5) + late), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var escalation = Assert.Single(await _world.AwaitMessagesAsync(ComplaintTests.WecomSend, _world.Manager.UserId, 1, "the escalation notice"));
        Assert.Contains("升级", ComplaintTests.Text(escalation), StringComparison.Ordinal);
    }

    private static DateTimeOffset DueAt(CaseDetails details, string timer) => Assert.Single(details.Timers, t => t.Key == timer).DueAt;

    /// <summary>Read through whichever host is current, so after the restart it is the new one.</summary>
    private async Task<CaseDetails> CaseAsync(Guid caseId) =>
        (await _world.Host.Services.GetRequiredService<CaseDetailsStore>().GetAsync(caseId, CaseScope.Platform, CancellationToken.None))!;

    private static async Task PutOkAsync(AdminClient admin, string path, object body)
    {
        var response = await admin.Http.PutAsJsonAsync(path, body, AdminClient.Json);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class BusinessHoursComplaintTests_on_Sqlite() : BusinessHoursComplaintTests(DatabaseProvider.Sqlite);

public sealed class BusinessHoursComplaintTests_on_Postgres() : BusinessHoursComplaintTests(DatabaseProvider.Postgres);
