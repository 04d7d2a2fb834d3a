using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class BusinessCalendarTests
{
    private static BusinessCalendar Us => CalendarCatalog.Shipped.Get("us-federal");

    private static BusinessCalendar Cn => CalendarCatalog.Shipped.Get("cn");

    private static BusinessCalendar De => CalendarCatalog.Shipped.Get("de");

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Add_DmcaWindowOverThanksgiving2025_SkipsTheHoliday()
    {
        // Counter-notice Fri 2025-11-21 10:00 EST. Business days after Friday, by hand:
        // Mon 24 (1), Tue 25 (2), Wed 26 (3), Thu 27 Thanksgiving -, Fri 28 (4), Mon Dec 1 (5),
        // Tue 2 (6), Wed 3 (7), Thu 4 (8), Fri 5 (9), Mon 8 (10), Tue 9 (11), Wed 10 (12),
        // Thu 11 (13), Fri 12 (14). Day 10 ends Tue Dec 9 00:00 EST = 05:00Z; day 14 ends Sat Dec 13 00:00 EST.
        var counterNotice = At("2025-11-21T10:00:00-05:00");

        Assert.Equal(At("2025-12-09T05:00:00Z"), Us.Add(counterNotice, new SlaLength(10, DurationUnit.BusinessDays)));
        Assert.Equal(At("2025-12-13T05:00:00Z"), Us.Add(counterNotice, new SlaLength(14, DurationUnit.BusinessDays)));
    }

    [Fact]
    public void Add_ChinaOverSpringFestival2026_SkipsTheNineDaysAndCountsTheWorkingSaturday()
    {
        // Fri 2026-02-13 10:00 CST. Sat 14 is an adjusted working day (1); Feb 15-23 are off;
        // Tue 24 (2), Wed 25 (3). Day 3 ends Thu Feb 26 00:00 CST = Feb 25 16:00Z.
        var start = At("2026-02-13T10:00:00+08:00");

        Assert.Equal(At("2026-02-14T16:00:00Z"), Cn.Add(start, new SlaLength(1, DurationUnit.BusinessDays)));
        Assert.Equal(At("2026-02-25T16:00:00Z"), Cn.Add(start, new SlaLength(3, DurationUnit.BusinessDays)));
    }

    [Theory]
    [InlineData("2025-01-26", true)] // Sunday, adjusted working day before Spring Festival
    [InlineData("2025-01-28", false)] // New Year's Eve, Tuesday
    [InlineData("2025-02-04", false)] // last day off, Tuesday
    [InlineData("2025-02-08", true)] // Saturday, adjusted working day
    [InlineData("2025-02-09", false)] // ordinary Sunday
    [InlineData("2026-02-14", true)] // Saturday, adjusted working day
    [InlineData("2026-02-23", false)] // Monday, last day of the nine-day break
    [InlineData("2026-02-28", true)] // Saturday, adjusted working day
    [InlineData("2026-10-10", true)] // Saturday after National Day
    [InlineData("2026-10-07", false)] // Wednesday, National Day break
    public void IsBusinessDay_China_FollowsTheStateCouncilNotices(string day, bool expected)
    {
        Assert.Equal(expected, Cn.IsBusinessDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Add_GermanyOverEaster2025_SkipsGoodFridayAndEasterMonday()
    {
        // Maundy Thursday 2025-04-17 10:00 CEST. Fri 18 Good Friday -, Sat, Sun, Mon 21 Easter Monday -,
        // Tue 22 (1), Wed 23 (2). Day 2 ends Thu Apr 24 00:00 CEST = Apr 23 22:00Z.
        Assert.Equal(At("2025-04-23T22:00:00Z"), De.Add(At("2025-04-17T10:00:00+02:00"), new SlaLength(2, DurationUnit.BusinessDays)));
    }

    [Theory]
    [InlineData("2025-03-03T23:30:00+08:00", "2025-03-04T16:00:00Z")] // Monday 23:30: Tuesday is day 1
    [InlineData("2025-03-04T00:30:00+08:00", "2025-03-05T16:00:00Z")] // Tuesday 00:30: Wednesday is day 1
    public void Add_LocalMidnightEdge_CountsFromTheLocalDayNotTheUtcDay(string received, string expected)
    {
        // Both instants fall on Monday 2025-03-03 in UTC; only the Shanghai date differs.
        Assert.Equal(At(expected), Cn.Add(At(received), new SlaLength(1, DurationUnit.BusinessDays)));
    }

    [Theory]
    // US spring forward 2025-03-09: Fri 10:00 EST + 1 business day ends Mon 03-10 at 24:00 EDT (UTC-4).
    [InlineData("us-federal", "2025-03-07T10:00:00-05:00", 1, "BusinessDays", "2025-03-11T04:00:00Z")]
    // Sat 12:00 EST + 1 calendar day ends Sun 03-09 at 24:00, already EDT.
    [InlineData("us-federal", "2025-03-08T12:00:00-05:00", 1, "CalendarDays", "2025-03-10T04:00:00Z")]
    // 24 elapsed hours across the change: 13:00 EDT on the local clock, 17:00Z.
    [InlineData("us-federal", "2025-03-08T12:00:00-05:00", 24, "Hours", "2025-03-09T17:00:00Z")]
    // US fall back 2025-11-02: Fri 10:00 EDT + 1 business day ends Mon 11-03 at 24:00 EST (UTC-5).
    [InlineData("us-federal", "2025-10-31T10:00:00-04:00", 1, "BusinessDays", "2025-11-04T05:00:00Z")]
    // EU spring forward 2025-03-30: Fri 10:00 CET + 1 business day ends Mon 03-31 at 24:00 CEST (UTC+2).
    [InlineData("de", "2025-03-28T10:00:00+01:00", 1, "BusinessDays", "2025-03-31T22:00:00Z")]
    // Sat 12:00 CET + 1 calendar day: Sunday has 23 hours, ends 24:00 CEST = 22:00Z.
    [InlineData("de", "2025-03-29T12:00:00+01:00", 1, "CalendarDays", "2025-03-30T22:00:00Z")]
    // EU fall back 2025-10-26: Sat 12:00 CEST + 1 calendar day: Sunday has 25 hours, ends 24:00 CET = 23:00Z.
    [InlineData("de", "2025-10-25T12:00:00+02:00", 1, "CalendarDays", "2025-10-26T23:00:00Z")]
    [InlineData("de", "2025-10-25T12:00:00+02:00", 24, "Hours", "2025-10-26T10:00:00Z")]
    public void Add_AcrossDstChange_UsesTheOffsetInForceAtTheEnd(string calendar, string start, int amount, string unit, string expected)
    {
        var length = new SlaLength(amount, Enum.Parse<DurationUnit>(unit));

        Assert.Equal(At(expected), CalendarCatalog.Shipped.Get(calendar).Add(At(start), length));
    }

    [Fact]
    public void IsBusinessDay_UsFederal2025To2027_MatchesTheStatutoryRulesWithObservedDays()
    {
        // Independent of the data file: 5 USC 6103(a) rules, shifted per the in-lieu-of rule.
        for (var year = 2025; year <= 2027; year++)
        {
            var off = new HashSet<DateOnly>();
            foreach (var y in new[] { year, year + 1 })
            {
                foreach (var day in UsLegalHolidays(y))
                {
                    off.Add(day.DayOfWeek switch
                    {
                        DayOfWeek.Saturday => day.AddDays(-1),
                        DayOfWeek.Sunday => day.AddDays(1),
                        _ => day,
                    });
                }
            }

            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                Assert.True(Us.IsBusinessDay(day) == (!weekend && !off.Contains(day)), $"{day:yyyy-MM-dd}");
            }
        }
    }

    [Fact]
    public void IsBusinessDay_Germany2025To2027_MatchesTheNineNationwideHolidays()
    {
        for (var year = 2025; year <= 2027; year++)
        {
            var easter = EasterSunday(year);
            var off = new HashSet<DateOnly>
            {
                new(year, 1, 1), easter.AddDays(-2), easter.AddDays(1), new(year, 5, 1), easter.AddDays(39),
                easter.AddDays(50), new(year, 10, 3), new(year, 12, 25), new(year, 12, 26),
            };

            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                Assert.True(De.IsBusinessDay(day) == (!weekend && !off.Contains(day)), $"{day:yyyy-MM-dd}");
            }
        }
    }

    [Theory]
    [InlineData("cn", "2036-01-02")] // beyond the provisional rule's Qingming table
    [InlineData("cn", "2024-12-31")]
    [InlineData("us-federal", "2028-01-03")]
    [InlineData("de", "2024-12-30")]
    [InlineData("in", "2025-06-02")] // zone-only calendar: no holiday data at all
    public void IsBusinessDay_OutsideCoverage_FailsNamingTheCalendarAndDay(string calendar, string day)
    {
        var ex = Assert.Throws<CalendarCoverageException>(() =>
            CalendarCatalog.Shipped.Get(calendar).IsBusinessDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains($"'{calendar}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(day, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_CountRunningPastCoverage_FailsInsteadOfTreatingDaysAsWorking()
    {
        // Counter-notice on Mon 2027-12-20: the 14th business day lies in January 2028.
        Assert.Throws<CalendarCoverageException>(() =>
            Us.Add(At("2027-12-20T10:00:00-05:00"), new SlaLength(14, DurationUnit.BusinessDays)));
    }

    [Theory]
    [InlineData("""{"id":"x","timeZone":"Mars/Olympus","weekend":["saturday"],"years":[2025],"holidays":[],"workingDays":[]}""", "timeZone")]
    [InlineData("""{"id":"x","timeZone":"UTC","weekend":["caturday"],"years":[2025],"holidays":[],"workingDays":[]}""", "weekend")]
    [InlineData("""{"id":"x","timeZone":"UTC","weekend":[],"years":[2025],"holidays":[{"date":"2026-01-01","name":"n"}],"workingDays":[]}""", "date")]
    [InlineData("""{"id":"x","timeZone":"UTC","weekend":[],"years":[2025],"holidays":[{"date":"2025-01-01","name":"n"}],"workingDays":[{"date":"2025-01-01","name":"n"}]}""", "date")]
    [InlineData("""{"id":"x","timeZone":"UTC","weekend":[],"years":[2025],"holidays":[{"from":"2025-01-05","to":"2025-01-01","name":"n"}],"workingDays":[]}""", "to")]
    public void Read_BadCalendar_NamesFileAndField(string json, string field)
    {
        var result = CalendarReader.Read("calendar.x.json", json);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("calendar.x.json", field), (error.File, error.Field));
    }

    private static IEnumerable<DateOnly> UsLegalHolidays(int year)
    {
        DateOnly Nth(int month, DayOfWeek weekday, int n)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
        }

        DateOnly Last(int month, DayOfWeek weekday)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        return
        [
            new(year, 1, 1), Nth(1, DayOfWeek.Monday, 3), Nth(2, DayOfWeek.Monday, 3), Last(5, DayOfWeek.Monday),
            new(year, 6, 19), new(year, 7, 4), Nth(9, DayOfWeek.Monday, 1), Nth(10, DayOfWeek.Monday, 2),
            new(year, 11, 11), Nth(11, DayOfWeek.Thursday, 4), new(year, 12, 25),
        ];
    }

    // Anonymous Gregorian computus (Meeus/Jones/Butcher).
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
