using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Calendars.Api;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Calendars;

/// <summary>
/// The calendar admin API on brand X of a <see cref="TenancyWorld"/>: dealer calendars, brand holidays, what the case
/// engine then counts in, validation and concurrency. Tests that change a calendar use a dealer of their own, except the
/// one about dealer A1's admin. (Foreign tenants are covered by the isolation matrix.)
/// </summary>
public abstract class CalendarApiTests<TWorld>(TWorld world) : IClassFixture<TWorld>
    where TWorld : TenancyWorld
{
    private static readonly string[] WeekNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>A Saturday noon in Beijing.</summary>
    private static readonly DateTimeOffset SaturdayNoon = new(2026, 12, 5, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_dealer_admin_sets_the_calendar_HQ_reads_it_back_and_the_change_is_audited()
    {
        var path = $"/api/admin/dealers/{world.A1.Id}/calendar";
        var before = await world.DealerA1.GetOkAsync<DealerCalendarResponse>(path);

        var saved = await PutOkAsync<DealerCalendarResponse>(world.DealerA1, path, new DealerCalendarRequest(
            "Asia/Urumqi",
            Week(("Monday", ["13:00-18:00", "09:00-12:00"]), ("saturday", ["10:00-16:00"]), ("sunday", [])),
            [new HolidayEntry("2026-12-24", " 平安夜 ")],
            [new WorkingDayEntry("2026-12-27", ["09:00-12:00"], "调休")],
            before.Version));
        var read = await world.HqX.GetOkAsync<DealerCalendarResponse>(path);
        var foreign = await world.DealerA1.Http.GetAsync(new Uri($"/api/admin/dealers/{world.A2.Id}/calendar", UriKind.Relative));

        Assert.Equal((false, 0), (before.Recorded, before.Version));
        Assert.Equal((true, 1), (saved.Recorded, saved.Version));
        Assert.Equal(("Asia/Urumqi", 1, world.X.Id), (read.TimeZone, read.Version, read.BrandId));
        Assert.Equal(WeekNames, read.WeeklyHours.Keys);
        Assert.Equal(["09:00-12:00", "13:00-18:00"], read.WeeklyHours["monday"]);
        Assert.Equal(["10:00-16:00"], read.WeeklyHours["saturday"]);
        Assert.Empty(read.WeeklyHours["sunday"]);
        Assert.Empty(read.WeeklyHours["tuesday"]);
        Assert.Equal([new HolidayEntry("2026-12-24", "平安夜")], read.Holidays);
        var workingDay = Assert.Single(read.WorkingDays);
        Assert.Equal(("2026-12-27", "调休"), (workingDay.Date, workingDay.Name));
        Assert.Equal(["09:00-12:00"], workingDay.Hours!);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var audit = await world.HqX.GetOkAsync<List<AuditEntry>>("/api/admin/audit");
        var entry = Assert.Single(audit, e => e.Action == "dealer-calendar.update" && e.TargetId == world.A1.Id.ToString());
        Assert.Equal((AuditOutcome.Succeeded, "dealer-a1@welink.test", (Guid?)world.X.Id, (Guid?)world.A1.Id), (entry.Outcome, entry.ActorEmail, entry.BrandId, entry.DealerId));
        Assert.Contains("Asia/Urumqi", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dealer_without_hours_has_the_default_and_the_brands_holidays_close_it_unless_it_opens_that_day()
    {
        var dealer = await TenancyWorld.CreateDealerAsync(world.HqX, world.X, world.Unique("holidays"));
        var calendarPath = $"/api/admin/dealers/{dealer.Id}/calendar";
        var holidaysPath = $"/api/admin/brands/{world.X.Id}/holidays";
        var engine = world.Admin.Host.Services.GetRequiredService<IDealerCalendars>();
        var nationalDay = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.FromHours(8));
        var defaults = await world.HqX.GetOkAsync<DealerCalendarResponse>(calendarPath);
        Assert.True((await engine.GetAsync(dealer.Id, CancellationToken.None)).IsOpenAt(nationalDay));

        var current = await world.HqX.GetOkAsync<BrandHolidaysResponse>(holidaysPath);
        var set = await PutOkAsync<BrandHolidaysResponse>(world.HqX, holidaysPath, new BrandHolidaysRequest(
            [new HolidayEntry("2026-10-02", null), new HolidayEntry("2026-10-01", "国庆节")], current.Version));
        var inherited = await world.HqX.GetOkAsync<DealerCalendarResponse>(calendarPath);
        var closed = await engine.GetAsync(dealer.Id, CancellationToken.None);
        var seenByDealerAdmin = await world.DealerA1.GetOkAsync<BrandHolidaysResponse>(holidaysPath);
        var setByDealerAdmin = await world.DealerA1.Http.PutAsJsonAsync(holidaysPath, new BrandHolidaysRequest([], set.Version), AdminClient.Json);

        Assert.Equal((false, 0, "Asia/Shanghai"), (defaults.Recorded, defaults.Version, defaults.TimeZone));
        Assert.Equal(WeekNames, defaults.WeeklyHours.Keys);
        Assert.All(defaults.WeeklyHours.Values, hours => Assert.Equal(["09:00-18:00"], hours));
        Assert.Equal(current.Version + 1, set.Version);
        Assert.Equal([new HolidayEntry("2026-10-01", "国庆节"), new HolidayEntry("2026-10-02", null)], set.Holidays);
        Assert.Equal(set.Holidays, inherited.BrandHolidays);
        Assert.Equal(set.Holidays, seenByDealerAdmin.Holidays);
        Assert.Equal(HttpStatusCode.Forbidden, setByDealerAdmin.StatusCode);
        Assert.False(closed.IsOpenAt(nationalDay));
        Assert.False(closed.IsOpenAt(nationalDay.AddDays(1)));
        Assert.True(closed.IsOpenAt(nationalDay.AddDays(2)));

        // The dealer opens on the first public holiday all the same.
        await PutOkAsync<DealerCalendarResponse>(world.HqX, calendarPath, new DealerCalendarRequest(
            "Asia/Shanghai", Week(("monday", ["09:00-18:00"])), [], [new WorkingDayEntry("2026-10-01", ["10:00-14:00"], null)], 0));
        var opened = await engine.GetAsync(dealer.Id, CancellationToken.None);
        Assert.True(opened.IsOpenAt(nationalDay));
        Assert.False(opened.IsOpenAt(nationalDay.AddDays(1)));
    }

    [Fact]
    public async Task The_engine_counts_in_the_new_hours_as_soon_as_they_are_saved()
    {
        var dealer = await TenancyWorld.CreateDealerAsync(world.HqX, world.X, world.Unique("engine"));
        var engine = world.Admin.Host.Services.GetRequiredService<IDealerCalendars>();
        var before = await engine.GetAsync(dealer.Id, CancellationToken.None);

        await PutOkAsync<DealerCalendarResponse>(world.HqX, $"/api/admin/dealers/{dealer.Id}/calendar", new DealerCalendarRequest(
            "Asia/Shanghai", Week(("monday", ["09:00-18:00"]), ("tuesday", ["09:00-18:00"]), ("wednesday", ["09:00-18:00"]), ("thursday", ["09:00-18:00"]), ("friday", ["09:00-18:00"])), [], [], 0));
        var after = await engine.GetAsync(dealer.Id, CancellationToken.None);

        Assert.True(before.IsOpenAt(SaturdayNoon));
        Assert.False(after.IsOpenAt(SaturdayNoon));
        Assert.Equal(SaturdayNoon.AddDays(2).AddHours(1), after.AddBusinessTime(SaturdayNoon, TimeSpan.FromHours(4)));
    }

    [Fact]
    public async Task Every_problem_of_a_calendar_is_named_and_nothing_is_saved()
    {
        var dealer = await TenancyWorld.CreateDealerAsync(world.HqX, world.X, world.Unique("invalid"));
        var path = $"/api/admin/dealers/{dealer.Id}/calendar";

        var response = await world.HqX.Http.PutAsJsonAsync(path, new DealerCalendarRequest(
            "Mars/Olympus",
            Week(("monday", ["09:00-13:00", "12:00-18:00"]), ("tuesday", ["9-18"]), ("wednesday", ["18:00-09:00"]), ("funday", ["09:00-18:00"])),
            [new HolidayEntry("2026-10-01", "国庆节"), new HolidayEntry("2026-02-30", null), new HolidayEntry("2026-10-01", null)],
            [new WorkingDayEntry("2026-10-01", ["09:00-18:00"], null), new WorkingDayEntry("2026-10-11", [], null)],
            0), AdminClient.Json);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(AdminClient.Json);
        var stored = await world.HqX.GetOkAsync<DealerCalendarResponse>(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            [
                "holidays[1].date", "holidays[2].date", "timeZone", "weeklyHours.funday", "weeklyHours.monday[1]", "weeklyHours.tuesday[0]",
                "weeklyHours.wednesday[0]", "workingDays[0].date", "workingDays[1].hours",
            ],
            problem!.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'Mars/Olympus' is not an IANA time zone", problem.Errors["timeZone"][0], StringComparison.Ordinal);
        Assert.Contains("12:00-18:00 overlaps 09:00-13:00", problem.Errors["weeklyHours.monday[1]"][0], StringComparison.Ordinal);
        Assert.Contains("'9-18' is not HH:mm-HH:mm", problem.Errors["weeklyHours.tuesday[0]"][0], StringComparison.Ordinal);
        Assert.Contains("'2026-02-30' is not a date", problem.Errors["holidays[1].date"][0], StringComparison.Ordinal);
        Assert.Contains("listed twice", problem.Errors["holidays[2].date"][0], StringComparison.Ordinal);
        Assert.Contains("2026-10-01 is also a holiday (holidays[0])", problem.Errors["workingDays[0].date"][0], StringComparison.Ordinal);
        Assert.Equal((false, 0), (stored.Recorded, stored.Version));
    }

    [Fact]
    public async Task A_calendar_that_is_never_open_or_names_a_Windows_time_zone_is_refused()
    {
        var dealer = await TenancyWorld.CreateDealerAsync(world.HqX, world.X, world.Unique("closed"));

        var response = await world.HqX.Http.PutAsJsonAsync($"/api/admin/dealers/{dealer.Id}/calendar", new DealerCalendarRequest(
            "China Standard Time", Week(("monday", []), ("sunday", [])), null, null, 0), AdminClient.Json);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(AdminClient.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["timeZone", "weeklyHours"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stale_version_answers_409_changes_nothing_and_is_audited_as_a_conflict()
    {
        var dealer = await TenancyWorld.CreateDealerAsync(world.HqX, world.X, world.Unique("stale"));
        var path = $"/api/admin/dealers/{dealer.Id}/calendar";
        await PutOkAsync<DealerCalendarResponse>(world.HqX, path, new DealerCalendarRequest("Asia/Shanghai", Week(("monday", ["09:00-18:00"])), [], [], 0));

        var stale = await world.Platform.Http.PutAsJsonAsync(path, new DealerCalendarRequest("Asia/Tokyo", Week(("friday", ["09:00-18:00"])), [], [], 0), AdminClient.Json);
        var problem = await stale.Content.ReadFromJsonAsync<ProblemDetails>(AdminClient.Json);
        var stored = await world.HqX.GetOkAsync<DealerCalendarResponse>(path);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("now version 1", problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(("Asia/Shanghai", 1), (stored.TimeZone, stored.Version));
        Assert.Equal(["09:00-18:00"], stored.WeeklyHours["monday"]);
        var audit = await world.Platform.GetOkAsync<List<AuditEntry>>("/api/admin/audit");
        Assert.Equal(
            [AuditOutcome.Conflict, AuditOutcome.Succeeded],
            audit.Where(e => e.Action == "dealer-calendar.update" && e.TargetId == dealer.Id.ToString()).Select(e => e.Outcome));
    }

    private static Dictionary<string, IReadOnlyList<string?>?> Week(params (string Day, string[] Hours)[] days) =>
        days.ToDictionary(d => d.Day, d => (IReadOnlyList<string?>?)d.Hours);

    private static async Task<T> PutOkAsync<T>(AdminClient client, string path, object body)
    {
        var response = await client.Http.PutAsJsonAsync(path, body, AdminClient.Json);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(AdminClient.Json))!;
    }
}

public sealed class CalendarApiTests_on_Sqlite(SqliteTenancyWorld world) : CalendarApiTests<SqliteTenancyWorld>(world);

public sealed class CalendarApiTests_on_Postgres(PostgresTenancyWorld world) : CalendarApiTests<PostgresTenancyWorld>(world);
