using System.Globalization;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// China's days off for a year whose State Council arrangement is not yet in the calendar data,
/// derived from the statute alone: 全国年节及纪念日放假办法 (as amended, in force 2025-01-01).
/// Such a year is <i>provisional</i>: a deadline that counts its days is marked so, and is recomputed
/// (with a recorded step) once the year's official data is added.
/// </summary>
/// <remarks>
/// <para>Art. 2 fixes 13 days: New Year's Day (1 Jan); Spring Festival, 4 days (lunar New Year's Eve
/// and the 1st to 3rd of the first lunar month); Qingming (the day of the Qingming solar term, from
/// the calendar file's table); Labour Day (1–2 May); Dragon Boat Festival (5th of the 5th lunar
/// month); Mid-Autumn Festival (15th of the 8th lunar month); National Day (1–3 Oct). Lunar dates
/// come from <see cref="ChineseLunisolarCalendar"/> (1901–2100).</para>
/// <para>Art. 6: a holiday for all citizens that falls on a Saturday or Sunday is made up on a working
/// day. The statute does not say which; we read it as the first day after the holiday (after its
/// whole block, for the multi-day ones) that is neither a weekend day nor already off, which is what
/// every State Council arrangement of 2025 and 2026 did (Dragon Boat Sat 2025-05-31 → Mon 06-02;
/// Labour Day Sat 2026-05-02 → Mon 05-04; Qingming Sun 2026-04-05 → Mon 04-06). A holiday that falls
/// on another holiday (Mid-Autumn on 1 October, as in 2020) is made up the same way: the two are
/// separate entitlements.</para>
/// <para>Art. 7's adjusted working weekends (调休) are announced each year and cannot be derived, so a
/// provisional year has none: its weekends are all rest days and the weekdays it swaps are working
/// days. Between two official arrangements that mostly cancels out; a provisional deadline can come a
/// little earlier or later than the official one, never fail.</para>
/// </remarks>
public sealed class ChinaStatutoryHolidays
{
    /// <summary>The rule's id in a calendar file's <c>provisional.rule</c>.</summary>
    public const string RuleId = "cn-statutory-holidays";

    /// <summary>The first year the amended rules (13 days, New Year's Eve included) govern.</summary>
    public const int FirstYear = 2025;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    private readonly Dictionary<int, DateOnly> qingming;
    private readonly Dictionary<int, IReadOnlyDictionary<DateOnly, string>> derived = [];
    private readonly Lock gate = new();

    /// <param name="qingming">The day of the Qingming solar term per year (Beijing time); only these years can be derived.</param>
    public ChinaStatutoryHolidays(IEnumerable<DateOnly> qingming)
    {
        this.qingming = qingming.ToDictionary(d => d.Year);
    }

    /// <summary>The years this rule can derive: those of the Qingming table, from <see cref="FirstYear"/>.</summary>
    public IEnumerable<int> Years => qingming.Keys.Where(y => y >= FirstYear).Order();

    /// <summary>Whether <paramref name="year"/> can be derived.</summary>
    public bool Covers(int year) => year >= FirstYear && qingming.ContainsKey(year);

    /// <summary>The year's days off, each with its holiday's name (make-up days say whose).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year cannot be derived (<see cref="Covers"/>).</exception>
    public IReadOnlyDictionary<DateOnly, string> DaysOff(int year)
    {
        if (!Covers(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "no Qingming date for this year, or before the amended rules");
        }

        lock (gate)
        {
            if (!derived.TryGetValue(year, out var days))
            {
                days = Derive(year);
                derived[year] = days;
            }

            return days;
        }
    }

    /// <summary>The Art. 2 holidays of <paramref name="year"/> as blocks of consecutive days, in date order.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<DateOnly> Days)> StatutoryBlocks(int year)
    {
        var newYear = LunarDate(year, 1, 1);
        return new List<(string Name, IReadOnlyList<DateOnly> Days)>
        {
            ("New Year's Day", [new DateOnly(year, 1, 1)]),
            ("Spring Festival", [newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2)]),
            ("Qingming", [qingming[year]]),
            ("Labour Day", [new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)]),
            ("Dragon Boat Festival", [LunarDate(year, 5, 5)]),
            ("Mid-Autumn Festival", [LunarDate(year, 8, 15)]),
            ("National Day", [new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)]),
        }.OrderBy(b => b.Days[0]).ToList();
    }

    private IReadOnlyDictionary<DateOnly, string> Derive(int year)
    {
        var off = new Dictionary<DateOnly, string>();
        foreach (var (name, days) in StatutoryBlocks(year))
        {
            var owed = 0;
            foreach (var day in days)
            {
                if (IsWeekend(day) || !off.TryAdd(day, name))
                {
                    // Art. 6 (weekend), or a second holiday on the same day: made up after the block.
                    owed++;
                    off.TryAdd(day, name);
                }
            }

            for (var day = days[^1].AddDays(1); owed > 0; day = day.AddDays(1))
            {
                if (!IsWeekend(day) && off.TryAdd(day, $"{name} (make-up day, Art. 6)"))
                {
                    owed--;
                }
            }
        }

        return off;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// The Gregorian date of a lunar month and day in the lunar year that begins in Gregorian
    /// <paramref name="year"/>. <see cref="ChineseLunisolarCalendar"/> numbers a leap month as the
    /// month after the one it repeats, so months after a leap month move up by one.
    /// </summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
