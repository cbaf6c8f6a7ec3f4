using WeLink.Workflow.Time;
using static WeLink.Workflow.Tests.Support.Calendars;

namespace WeLink.Workflow.Tests.Time;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Dealer = Shanghai();

    private static DateTimeOffset Berlin(string local) => DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, DateTimeOffset, double, DateTimeOffset> Additions => new()
    {
        { "within opening hours", At(2026, 11, 25, 10), 1, At(2026, 11, 25, 11) },
        { "across lunch", At(2026, 11, 25, 11, 30), 1, At(2026, 11, 25, 13, 30) },
        { "before opening", At(2026, 11, 25, 7), 1, At(2026, 11, 25, 10) },
        { "during lunch", At(2026, 11, 25, 12, 15), 0.5, At(2026, 11, 25, 13, 30) },
        { "after closing", At(2026, 11, 25, 19), 1, At(2026, 11, 26, 10) },
        { "across the night", At(2026, 11, 25, 17), 2, At(2026, 11, 26, 10) },
        { "ending exactly at closing", At(2026, 11, 25, 17), 1, At(2026, 11, 25, 18) },
        { "starting exactly at closing", At(2026, 11, 25, 18), 1, At(2026, 11, 26, 10) },
        { "across the weekend", At(2026, 11, 27, 17), 8, At(2026, 11, 30, 10) },
        { "from a closed Sunday", At(2026, 11, 29, 11), 1, At(2026, 11, 30, 10) },
        { "72 hours from a Monday morning", At(2026, 11, 23, 9), 72, At(2026, 12, 3, 11) },
    };

    [Theory]
    [MemberData(nameof(Additions))]
    public void Adding_business_time_skips_closed_hours(string situation, DateTimeOffset start, double hours, DateTimeOffset expected)
    {
        var due = Dealer.AddBusinessTime(start, TimeSpan.FromHours(hours));

        Assert.True(expected == due, $"{situation}: expected {expected:o}, got {due:o}");
        Assert.Equal(TimeSpan.FromHours(8), due.Offset);
    }

    [Theory]
    [MemberData(nameof(Additions))]
    public void Business_time_between_a_start_and_its_due_time_is_the_duration_added(string situation, DateTimeOffset start, double hours, DateTimeOffset due)
    {
        var expected = TimeSpan.FromHours(hours);

        Assert.True(expected == Dealer.BusinessTimeBetween(start, due), situation);
    }

    [Fact]
    public void The_iana_time_zone_is_found_although_globalization_is_invariant()
    {
        Assert.Equal("Asia/Shanghai", Dealer.TimeZone.Id);
        Assert.Equal(TimeSpan.FromHours(8), Dealer.TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void A_start_given_in_utc_is_read_in_the_dealers_zone()
    {
        var due = Dealer.AddBusinessTime(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));

        Assert.Equal(At(2026, 11, 25, 11), due);
        Assert.Equal(TimeSpan.FromHours(8), due.Offset);
    }

    [Fact]
    public void A_holiday_is_skipped()
    {
        var calendar = Shanghai(holidays: [new DateOnly(2026, 11, 26)]);

        Assert.Equal(At(2026, 11, 27, 10), calendar.AddBusinessTime(At(2026, 11, 25, 17), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.BusinessTimeBetween(At(2026, 11, 26, 9), At(2026, 11, 27, 10)));
    }

    [Fact]
    public void An_extra_working_day_opens_a_sunday_with_its_own_hours()
    {
        var calendar = Shanghai(extraWorkingDays: new Dictionary<DateOnly, IReadOnlyList<OpeningRange>> { [new DateOnly(2026, 11, 29)] = [OpeningRange.Parse("09:00-12:00")] });

        Assert.Equal(At(2026, 11, 29, 10), calendar.AddBusinessTime(At(2026, 11, 28, 15), TimeSpan.FromHours(2)));
        Assert.True(calendar.IsOpenAt(At(2026, 11, 29, 11)));
        Assert.False(calendar.IsOpenAt(At(2026, 11, 29, 13)));
    }

    [Fact]
    public void Whether_the_dealer_is_open_follows_the_ranges_with_closing_time_excluded()
    {
        Assert.True(Dealer.IsOpenAt(At(2026, 11, 25, 9)));
        Assert.False(Dealer.IsOpenAt(At(2026, 11, 25, 12)));
        Assert.False(Dealer.IsOpenAt(At(2026, 11, 25, 18)));
        Assert.False(Dealer.IsOpenAt(At(2026, 11, 29, 11)));
    }

    [Fact]
    public void Business_time_outside_opening_hours_is_zero()
    {
        Assert.Equal(TimeSpan.Zero, Dealer.BusinessTimeBetween(At(2026, 11, 25, 18, 30), At(2026, 11, 26, 8, 59)));
    }

    [Fact]
    public void Business_time_backwards_is_negative()
    {
        Assert.Equal(TimeSpan.FromHours(-2), Dealer.BusinessTimeBetween(At(2026, 11, 26, 10), At(2026, 11, 25, 17)));
    }

    [Fact]
    public void Adding_no_time_returns_the_start_even_when_closed()
    {
        Assert.Equal(At(2026, 11, 29, 3), Dealer.AddBusinessTime(At(2026, 11, 29, 3), TimeSpan.Zero));
    }

    [Fact]
    public void Adding_negative_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dealer.AddBusinessTime(At(2026, 11, 25, 10), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void A_calendar_that_never_opens_says_so_instead_of_looping()
    {
        var closed = new BusinessCalendar("Asia/Shanghai", new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>>());

        Assert.Throws<InvalidOperationException>(() => closed.AddBusinessTime(At(2026, 11, 25, 10), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Overlapping_ranges_on_a_day_are_refused()
    {
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<OpeningRange>> { [DayOfWeek.Monday] = [OpeningRange.Parse("09:00-13:00"), OpeningRange.Parse("12:00-18:00")] };

        Assert.Throws<ArgumentException>(() => new BusinessCalendar("Asia/Shanghai", hours));
    }

    [Fact]
    public void A_date_cannot_be_both_a_holiday_and_an_extra_working_day()
    {
        var day = new DateOnly(2026, 11, 29);

        Assert.Throws<ArgumentException>(() => Shanghai([day], new Dictionary<DateOnly, IReadOnlyList<OpeningRange>> { [day] = [OpeningRange.Parse("09:00-12:00")] }));
    }

    [Theory]
    [InlineData("09:00-18:00", 9, 18)]
    [InlineData("00:00-24:00", 0, 24)]
    [InlineData(" 13:30 - 14:00 ", 13.5, 14)]
    public void Opening_ranges_are_read_from_text(string text, double start, double end)
    {
        var range = OpeningRange.Parse(text);

        Assert.Equal(TimeSpan.FromHours(start), range.Start);
        Assert.Equal(TimeSpan.FromHours(end), range.End);
    }

    [Fact]
    public void An_empty_or_inverted_opening_range_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OpeningRange.Parse("18:00-09:00"));
        Assert.Throws<ArgumentException>(() => OpeningRange.Parse("09:00-09:00"));
    }

    [Theory]
    [InlineData("09:00")]
    [InlineData("9-18")]
    [InlineData("09:00-24:30")]
    [InlineData("09:60-10:00")]
    public void Malformed_opening_ranges_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => OpeningRange.Parse(text));
    }

    [Fact]
    public void In_a_dst_zone_a_day_open_around_the_clock_has_23_hours_when_clocks_go_forward()
    {
        var calendar = BerlinOpen("00:00-24:00");

        Assert.Equal(TimeSpan.FromHours(23), calendar.BusinessTimeBetween(Berlin("2026-03-28T12:00+01:00"), Berlin("2026-03-29T12:00+02:00")));
        var due = calendar.AddBusinessTime(Berlin("2026-03-28T12:00+01:00"), TimeSpan.FromHours(24));
        Assert.Equal(Berlin("2026-03-29T13:00+02:00"), due);
        Assert.Equal(TimeSpan.FromHours(2), due.Offset);
    }

    [Fact]
    public void In_a_dst_zone_opening_hours_spanning_the_change_count_the_hours_that_really_pass()
    {
        var calendar = BerlinOpen("01:00-04:00");

        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(Berlin("2026-03-29T00:00+01:00"), Berlin("2026-03-29T05:00+02:00")));
        Assert.Equal(TimeSpan.FromHours(4), calendar.BusinessTimeBetween(Berlin("2026-10-25T00:00+02:00"), Berlin("2026-10-25T05:00+01:00")));
    }

    [Fact]
    public void In_a_dst_zone_a_due_time_after_the_change_carries_the_new_offset()
    {
        var calendar = BerlinOpen("09:00-17:00");

        var due = calendar.AddBusinessTime(Berlin("2026-03-27T16:00+01:00"), TimeSpan.FromHours(2));

        Assert.Equal(Berlin("2026-03-28T10:00+01:00"), due);
        var afterChange = calendar.AddBusinessTime(Berlin("2026-03-27T16:00+01:00"), TimeSpan.FromHours(10));
        Assert.Equal(Berlin("2026-03-29T10:00+02:00"), afterChange);
        Assert.Equal(TimeSpan.FromHours(2), afterChange.Offset);
    }
}
