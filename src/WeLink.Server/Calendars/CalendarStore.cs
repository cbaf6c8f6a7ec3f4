using System.Data.Common;
using Dapper;
using WeLink.Server.Data;
using WeLink.Workflow.Time;

namespace WeLink.Server.Calendars;

/// <summary>
/// Dealer calendars and brand holiday lists. Each is saved whole, on the version the caller read: zero rows updated
/// (or a second first-insert) means someone saved in between, and nothing is written. Callers check the tenant.
/// </summary>
public sealed class CalendarStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const string Holiday = "holiday";
    private const string Working = "working";

    /// <summary>The dealer's calendar (the default while none is recorded) with the holidays of its brand (the registry's to say).</summary>
    public async Task<DealerCalendarView> FindAsync(Guid dealerId, Guid brandId, CancellationToken cancellationToken)
    {
        const string calendarSql = "SELECT time_zone AS TimeZone, version AS Version FROM dealer_calendars WHERE dealer_id = @dealerId";
        const string hoursSql = "SELECT weekday AS Weekday, opens AS Opens, closes AS Closes FROM dealer_opening_hours WHERE dealer_id = @dealerId";
        const string daysSql = "SELECT day AS Day, kind AS Kind, name AS Name FROM dealer_calendar_days WHERE dealer_id = @dealerId ORDER BY day";
        const string dayHoursSql = "SELECT day AS Day, opens AS Opens, closes AS Closes FROM dealer_day_hours WHERE dealer_id = @dealerId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var recorded = await connection.QuerySingleOrDefaultAsync<CalendarRow>(new CommandDefinition(calendarSql, new { dealerId }, cancellationToken: cancellationToken));
        var brandHolidays = await BrandHolidaysAsync(connection, brandId, cancellationToken);
        if (recorded is null)
        {
            return new DealerCalendarView(dealerId, brandId, DealerCalendar.Default, brandHolidays, 0);
        }

        var hours = await connection.QueryAsync<RangeRow>(new CommandDefinition(hoursSql, new { dealerId }, cancellationToken: cancellationToken));
        var days = (await connection.QueryAsync<DayRow>(new CommandDefinition(daysSql, new { dealerId }, cancellationToken: cancellationToken))).ToList();
        var dayHours = (await connection.QueryAsync<DayRangeRow>(new CommandDefinition(dayHoursSql, new { dealerId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.Day, r => r.Range);
        var calendar = new DealerCalendar(
            recorded.TimeZone,
            hours.GroupBy(r => Weekday(r.Weekday)).ToDictionary(g => g.Key, g => (IReadOnlyList<OpeningRange>)[.. g.Select(r => r.Range).OrderBy(r => r.Start)]),
            [.. days.Where(d => d.Kind == Holiday).Select(d => new CalendarHoliday(d.Day, d.Name))],
            [.. days.Where(d => d.Kind == Working).Select(d => new CalendarWorkingDay(d.Day, [.. dayHours[d.Day].OrderBy(r => r.Start)], d.Name))]);
        return new DealerCalendarView(dealerId, brandId, calendar, brandHolidays, recorded.Version);
    }

    /// <summary>Replaces the dealer's calendar if it is still at <paramref name="expectedVersion"/> (0: none recorded yet); the new version, or null on a conflict.</summary>
    public async Task<int?> SaveAsync(Guid dealerId, DealerCalendar calendar, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        const string insertSql = "INSERT INTO dealer_calendars (dealer_id, time_zone, version, updated_at) VALUES (@dealerId, @timeZone, 1, @now)";
        const string updateSql = """
            UPDATE dealer_calendars SET time_zone = @timeZone, version = version + 1, updated_at = @now
            WHERE dealer_id = @dealerId AND version = @expectedVersion
            """;
        const string clearSql = """
            DELETE FROM dealer_day_hours WHERE dealer_id = @dealerId;
            DELETE FROM dealer_calendar_days WHERE dealer_id = @dealerId;
            DELETE FROM dealer_opening_hours WHERE dealer_id = @dealerId;
            """;
        const string hoursSql = "INSERT INTO dealer_opening_hours (dealer_id, weekday, opens, closes) VALUES (@DealerId, @Weekday, @Opens, @Closes)";
        const string daysSql = "INSERT INTO dealer_calendar_days (dealer_id, day, kind, name) VALUES (@DealerId, @Day, @Kind, @Name)";
        const string dayHoursSql = "INSERT INTO dealer_day_hours (dealer_id, day, opens, closes) VALUES (@DealerId, @Day, @Opens, @Closes)";

        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var header = new { dealerId, timeZone = calendar.TimeZone, now = time.GetUtcNow(), expectedVersion };
        if (!await ClaimVersionAsync(connection, transaction, expectedVersion == 0 ? insertSql : updateSql, header, cancellationToken))
        {
            return null;
        }

        await Execute(connection, transaction, clearSql, new { dealerId }, cancellationToken);
        await Execute(connection, transaction, hoursSql, calendar.WeeklyHours.SelectMany(p => p.Value.Select(r => new
        {
            DealerId = dealerId,
            Weekday = IsoWeekday(p.Key),
            Opens = TimeText(r.Start),
            Closes = TimeText(r.End),
        })), cancellationToken);
        await Execute(connection, transaction, daysSql, calendar.Holidays.Select(h => new { DealerId = dealerId, Day = h.Date, Kind = Holiday, h.Name })
            .Concat(calendar.WorkingDays.Select(w => new { DealerId = dealerId, Day = w.Date, Kind = Working, w.Name })), cancellationToken);
        await Execute(connection, transaction, dayHoursSql, calendar.WorkingDays.SelectMany(w => w.Hours.Select(r => new
        {
            DealerId = dealerId,
            Day = w.Date,
            Opens = TimeText(r.Start),
            Closes = TimeText(r.End),
        })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expectedVersion + 1;
    }

    /// <summary>The brand's holiday list (empty, version 0, until HQ records one).</summary>
    public async Task<BrandHolidays> FindBrandAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string versionSql = "SELECT version FROM brand_calendars WHERE brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var version = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(versionSql, new { brandId }, cancellationToken: cancellationToken));
        return new BrandHolidays(brandId, await BrandHolidaysAsync(connection, brandId, cancellationToken), version ?? 0);
    }

    /// <summary>Replaces the brand's holidays if the list is still at <paramref name="expectedVersion"/>; the new version, or null on a conflict.</summary>
    public async Task<int?> SaveBrandAsync(Guid brandId, IReadOnlyList<CalendarHoliday> holidays, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        const string insertSql = "INSERT INTO brand_calendars (brand_id, version, updated_at) VALUES (@brandId, 1, @now)";
        const string updateSql = """
            UPDATE brand_calendars SET version = version + 1, updated_at = @now
            WHERE brand_id = @brandId AND version = @expectedVersion
            """;
        const string clearSql = "DELETE FROM brand_holidays WHERE brand_id = @brandId";
        const string holidaysSql = "INSERT INTO brand_holidays (brand_id, day, name) VALUES (@BrandId, @Day, @Name)";

        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var header = new { brandId, now = time.GetUtcNow(), expectedVersion };
        if (!await ClaimVersionAsync(connection, transaction, expectedVersion == 0 ? insertSql : updateSql, header, cancellationToken))
        {
            return null;
        }

        await Execute(connection, transaction, clearSql, new { brandId }, cancellationToken);
        await Execute(connection, transaction, holidaysSql, holidays.Select(h => new { BrandId = brandId, Day = h.Date, h.Name }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expectedVersion + 1;
    }

    /// <summary>The first save inserts the version row, later ones move it on; false when another save got there first.</summary>
    private static async Task<bool> ClaimVersionAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)) == 1;
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    private static async Task<IReadOnlyList<CalendarHoliday>> BrandHolidaysAsync(DbConnection connection, Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT day AS Day, name AS Name FROM brand_holidays WHERE brand_id = @brandId ORDER BY day";
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new CalendarHoliday(r.Day, r.Name))];
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>ISO 8601 numbers the week from Monday (1) to Sunday (7); <see cref="DayOfWeek"/> has Sunday as 0.</summary>
    private static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static DayOfWeek Weekday(int isoWeekday) => isoWeekday == 7 ? DayOfWeek.Sunday : (DayOfWeek)isoWeekday;

    private static string TimeText(TimeSpan timeOfDay) => $"{(int)timeOfDay.TotalHours:00}:{timeOfDay.Minutes:00}";

    private static OpeningRange Range(string opens, string closes) => OpeningRange.Parse($"{opens}-{closes}");

    private sealed class CalendarRow
    {
        public string TimeZone { get; init; } = "";

        public int Version { get; init; }
    }

    private sealed class RangeRow
    {
        public int Weekday { get; init; }

        public string Opens { get; init; } = "";

        public string Closes { get; init; } = "";

        public OpeningRange Range => CalendarStore.Range(Opens, Closes);
    }

    private sealed class DayRow
    {
        public DateOnly Day { get; init; }

        public string Kind { get; init; } = "";

        public string? Name { get; init; }
    }

    private sealed class DayRangeRow
    {
        public DateOnly Day { get; init; }

        public string Opens { get; init; } = "";

        public string Closes { get; init; } = "";

        public OpeningRange Range => CalendarStore.Range(Opens, Closes);
    }
}
