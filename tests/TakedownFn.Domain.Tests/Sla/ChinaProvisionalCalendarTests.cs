using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

/// <summary>China's years without official data: derived from the 2024 holiday rules, and marked provisional.</summary>
public class ChinaProvisionalCalendarTests
{
    private static BusinessCalendar Cn => CalendarCatalog.Shipped.Get("cn");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A hypothetical official 2027 arrangement: New Year 1–3 Jan with Sunday 2027-01-10 worked, Spring Festival 5–11 Feb.</summary>
    private const string Official2027 = """
        {
          "id": "cn", "timeZone": "Asia/Shanghai", "weekend": ["saturday", "sunday"], "years": [2027],
          "holidays": [
            { "from": "2027-01-01", "to": "2027-01-03", "name": "New Year's Day" },
            { "from": "2027-02-05", "to": "2027-02-11", "name": "Spring Festival" }
          ],
          "workingDays": [ { "date": "2027-01-10", "name": "New Year adjusted working day (Sunday)" } ]
        }
        """;

    [Fact]
    public void DaysOff_2027_AreTheArticle2HolidaysWithArticle6MakeUpDays()
    {
        // By hand, with the lunar dates of 2027 (lunar New Year Sat 02-06, 5/5 = Wed 06-09, 8/15 =
        // Wed 09-15) and Qingming on Mon 04-05 (solar-term table): each holiday day on a weekend is
        // made up on the first free weekday after its block.
        string[] expected =
        [
            "2027-01-01",                                                             // New Year, Fri
            "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", // Eve Fri, 1st Sat, 2nd Sun, 3rd Mon; Sat/Sun → Tue, Wed
            "2027-04-05",                                                             // Qingming, Mon
            "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04",                   // Labour Day Sat, Sun → Mon, Tue
            "2027-06-09",                                                             // Dragon Boat, Wed
            "2027-09-15",                                                             // Mid-Autumn, Wed
            "2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05",     // National Day Fri, Sat, Sun → Mon, Tue
        ];

        var derived = Cn.Provisional!.DaysOff(2027);

        Assert.Equal(expected, derived.Keys.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal("Spring Festival (make-up day, Art. 6)", derived[Day("2027-02-10")]);
    }

    [Theory]
    [InlineData(2027, 1, 1, "2027-02-06")] // Spring Festival
    [InlineData(2027, 5, 5, "2027-06-09")] // Dragon Boat
    [InlineData(2027, 8, 15, "2027-09-15")] // Mid-Autumn
    [InlineData(2025, 5, 5, "2025-05-31")] // 2025 has a leap 6th month: after the 5th, so no shift
    [InlineData(2025, 8, 15, "2025-10-06")] // …and before the 8th: month index 9
    [InlineData(2028, 5, 5, "2028-05-28")] // 2028 has a leap 5th month: the 5th month itself is index 5
    public void StatutoryBlocks_LunarHolidays_FallOnTheLunarCalendarsDates(int year, int month, int day, string expected)
    {
        var name = (month, day) switch { (1, 1) => "Spring Festival", (5, 5) => "Dragon Boat Festival", _ => "Mid-Autumn Festival" };
        var block = Cn.Provisional!.StatutoryBlocks(year).Single(b => b.Name == name);
        var lunar = new ChineseLunisolarCalendar();

        var date = name == "Spring Festival" ? block.Days[1] : block.Days[0];

        Assert.Equal(Day(expected), date);
        var leap = lunar.GetLeapMonth(year);
        var asLunar = date.ToDateTime(TimeOnly.MinValue);
        Assert.Equal((month, day), (lunar.GetMonth(asLunar) - (leap > 0 && lunar.GetMonth(asLunar) >= leap ? 1 : 0), lunar.GetDayOfMonth(asLunar)));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void DaysOff_YearsWithOfficialData_AreAllDaysOffInTheOfficialArrangement(int year)
    {
        // The derivation checked against the State Council's own arrangements: every day the statute
        // gives off, Art. 6 make-up days included, is off in the official calendar too.
        var derived = Cn.Provisional!.DaysOff(year);

        Assert.NotEmpty(derived);
        Assert.All(derived.Keys, day => Assert.False(Cn.IsBusinessDay(day), $"{day:yyyy-MM-dd} ({derived[day]}) is a working day officially"));
    }

    [Theory]
    [InlineData("2025-04-04")]
    [InlineData("2026-04-05")]
    public void Qingming_TableDates_AreInsideTheOfficialQingmingHoliday(string date)
    {
        Assert.Equal("Qingming", Cn.HolidayName(Day(date)));
    }

    [Theory]
    [InlineData("2027-02-09", false)] // Tue, make-up day for Spring Festival's Saturday
    [InlineData("2027-02-11", true)] // Thu after the block
    [InlineData("2027-01-09", false)] // Sat: no adjusted working days are derived
    [InlineData("2027-10-05", false)] // Tue, make-up day for National Day's Sunday
    [InlineData("2027-10-06", true)]
    public void IsBusinessDay_2027WithoutOfficialData_FollowsTheDerivedDays(string day, bool business)
    {
        Assert.Equal(business, Cn.IsBusinessDay(Day(day)));
        Assert.True(Cn.IsProvisional(2027));
        Assert.False(Cn.IsProvisional(2026));
    }

    [Fact]
    public void Evaluate_CounterNoticeForwardedJanuary2027_DeadlineOverDerivedSpringFestivalIsProvisional()
    {
        // Civil Code 1195 restoration: not before 15 calendar days, a day's window after. Forwarded
        // Thu 2027-01-21: day 15 is Fri 02-05 (New Year's Eve, derived), off through Wed 02-10, so
        // the minimum ends with Thu 02-11 (Art. 203) and the window moves with it to the end of Fri 02-12.
        var time = new FakeTimeProvider(At("2027-01-21T10:00:00+08:00"));
        var rule = PolicyCatalog.Shipped.Resolve(Regimes.CnCivilCode1195, Categories.Reputation, SeverityLevel.Medium, At("2026-12-01T00:00:00Z")).For(SlaStage.CounterNoticeRestoration)!;

        var status = StageEvaluator.Evaluate(rule, SlaClock.Start(time), null, CalendarCatalog.Shipped, time);

        Assert.Equal((At("2027-02-11T16:00:00Z"), At("2027-02-12T16:00:00Z"), true), (status.Earliest, status.Deadline, status.Provisional));
    }

    [Fact]
    public void Evaluate_SameWindowIn2026_IsNotProvisional()
    {
        var time = new FakeTimeProvider(At("2026-06-01T10:00:00+08:00"));
        var rule = PolicyCatalog.Shipped.Resolve(Regimes.CnCivilCode1195, Categories.Reputation, SeverityLevel.Medium, At("2026-06-01T00:00:00Z")).For(SlaStage.CounterNoticeRestoration)!;

        Assert.False(StageEvaluator.Evaluate(rule, SlaClock.Start(time), null, CalendarCatalog.Shipped, time).Provisional);
    }

    [Fact]
    public void Evaluate_HoursRuleInto2027_IsNotProvisional()
    {
        // Hours never consult the calendar's days.
        var time = new FakeTimeProvider(At("2026-12-31T20:00:00+08:00"));
        var rule = PolicyCatalog.Shipped.Resolve(Regimes.CnPersonalInfo, Categories.IdNumber, SeverityLevel.Medium, At("2026-12-01T00:00:00Z")).For(SlaStage.Act)!;

        Assert.False(StageEvaluator.Evaluate(rule, SlaClock.Start(time), null, CalendarCatalog.Shipped, time).Provisional);
    }

    [Fact]
    public void WithFiles_Official2027Added_ReplacesTheDerivedYearAndMovesTheDeadline()
    {
        var catalog = CalendarCatalog.WithFiles([("calendar.cn-2027.json", Official2027)]);
        var cn = catalog.Get("cn");
        var time = new FakeTimeProvider(At("2027-01-21T10:00:00+08:00"));
        var rule = PolicyCatalog.Shipped.Resolve(Regimes.CnCivilCode1195, Categories.Reputation, SeverityLevel.Medium, At("2026-12-01T00:00:00Z")).For(SlaStage.CounterNoticeRestoration)!;

        var status = StageEvaluator.Evaluate(rule, SlaClock.Start(time), null, catalog, time);

        Assert.Equal([2025, 2026, 2027], cn.CoveredYears);
        Assert.False(cn.IsProvisional(2027));
        Assert.True(cn.IsBusinessDay(Day("2027-01-10"))); // the official Sunday worked
        Assert.False(cn.IsBusinessDay(Day("2027-02-11"))); // off officially, a working day when derived
        // Officially off through Thu 02-11: the minimum ends with Fri 02-12, the window a day later.
        Assert.Equal((At("2027-02-12T16:00:00Z"), At("2027-02-13T16:00:00Z"), false), (status.Earliest, status.Deadline, status.Provisional));
    }

    [Fact]
    public void WithFiles_YearAlreadyCovered_FailsNamingTheFileAndYear()
    {
        var overlapping = Official2027.Replace("2027", "2026", StringComparison.Ordinal);

        var ex = Assert.Throws<PolicyDataException>(() => CalendarCatalog.WithFiles([("calendar.cn-2026.json", overlapping)]));

        Assert.Contains("calendar.cn-2026.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026", ex.Message, StringComparison.Ordinal);
    }
}
