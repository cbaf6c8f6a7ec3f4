using System.Net;
using WeLink.Server.Calendars.Api;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Calendars;

public abstract class CalendarPortalTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_dealer_admin_saves_business_hours_on_the_dealer_page_and_a_bad_form_names_every_problem()
    {
        await using var world = await OwnTenancyWorld.StartAsync(provider);
        using var admin = AdminClient.Anonymous(world.Admin.Host);
        await PortalForm.SignInAsync(admin, "dealer-a1@welink.test", TenancyWorld.Password);
        var page = $"/admin/dealers/{world.A1.Id}";
        var token = await PortalForm.TokenAsync(admin, page);

        var saved = await PortalForm.PostAsync(admin, $"{page}?handler=Calendar",
        [
            new(PortalForm.TokenField, token), new("version", "0"), new("timeZone", "Asia/Shanghai"), new("monday", "09:00-12:00, 13:00-18:00"),
            new("saturday", "10:00-16:00"), new("holidays", "2026-12-24 平安夜\n2026-12-25\n"), new("workingDays", "2026-12-27 09:00-12:00,13:00-17:00 调休"),
        ]);
        var afterSave = await admin.Http.GetStringAsync(page);
        var refused = await PortalForm.PostAsync(admin, $"{page}?handler=Calendar",
            [new(PortalForm.TokenField, token), new("version", "1"), new("timeZone", "Mars/Olympus"), new("monday", "9-18")]);
        var afterRefusal = await admin.Http.GetStringAsync(page);
        var stored = await world.DealerA1.GetOkAsync<DealerCalendarResponse>($"/api/admin/dealers/{world.A1.Id}/calendar");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (saved.StatusCode, refused.StatusCode));
        Assert.Contains("营业时间已保存。", afterSave, StringComparison.Ordinal);
        Assert.Contains("版本 1。", afterSave, StringComparison.Ordinal);
        Assert.Contains("timeZone:", afterRefusal, StringComparison.Ordinal);
        Assert.Contains("weeklyHours.monday[0]:", afterRefusal, StringComparison.Ordinal);
        Assert.Equal((true, 1, "Asia/Shanghai"), (stored.Recorded, stored.Version, stored.TimeZone));
        Assert.Equal(["09:00-12:00", "13:00-18:00"], stored.WeeklyHours["monday"]);
        Assert.Equal(["10:00-16:00"], stored.WeeklyHours["saturday"]);
        Assert.Empty(stored.WeeklyHours["sunday"]);
        Assert.Equal([new HolidayEntry("2026-12-24", "平安夜"), new HolidayEntry("2026-12-25", null)], stored.Holidays);
        var workingDay = Assert.Single(stored.WorkingDays);
        Assert.Equal(("2026-12-27", "调休"), (workingDay.Date, workingDay.Name));
        Assert.Equal(["09:00-12:00", "13:00-17:00"], workingDay.Hours!);
    }
}

public sealed class CalendarPortalTests_on_Sqlite() : CalendarPortalTests(DatabaseProvider.Sqlite);

public sealed class CalendarPortalTests_on_Postgres() : CalendarPortalTests(DatabaseProvider.Postgres);
