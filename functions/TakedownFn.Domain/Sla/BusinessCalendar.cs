namespace TakedownFn.Domain.Sla;

/// <summary>
/// A business-day calendar shipped as data: a time zone, the weekend, the years it covers, public
/// holidays and weekend days that are working days (China's adjusted working weekends, 调休).
/// Asking about a day outside the covered years fails with <see cref="CalendarCoverageException"/>
/// rather than guessing it is a working day, unless the calendar has a provisional rule that derives
/// the year from the statute (<see cref="ChinaStatutoryHolidays"/>); such a year is
/// <see cref="IsProvisional(int)">provisional</see>.
/// </summary>
public sealed partial class BusinessCalendar
{
    private readonly HashSet<int> years;
    private readonly HashSet<DayOfWeek> weekend;
    private readonly Dictionary<DateOnly, string> holidays;
    private readonly Dictionary<DateOnly, string> workingDays;

    internal BusinessCalendar(
        string id,
        TimeZoneInfo timeZone,
        IEnumerable<int> years,
        IEnumerable<DayOfWeek> weekend,
        IReadOnlyDictionary<DateOnly, string> holidays,
        IReadOnlyDictionary<DateOnly, string> workingDays,
        ChinaStatutoryHolidays? provisional = null)
    {
        Provisional = provisional;
        Id = id;
        TimeZone = timeZone;
        this.years = [.. years];
        this.weekend = [.. weekend];
        this.holidays = new(holidays);
        this.workingDays = new(workingDays);
        CoveredYears = [.. this.years.Order()];
    }

    /// <summary>The id policy rules name, e.g. <c>us-federal</c>.</summary>
    public string Id { get; }

    /// <summary>The zone whose local days are counted (an IANA id, e.g. <c>Asia/Shanghai</c>).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The years whose holidays this calendar knows; empty for a zone-only calendar.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>
    /// Which official data the calendar holds, e.g. <c>cn:2025,2026</c>: a deadline computed
    /// provisionally under one version is recomputed when the version changes (a year's file added).
    /// </summary>
    public string DataVersion => $"{Id}:{string.Join(",", CoveredYears)}";

    /// <summary>The rule deriving years the data does not cover, if the calendar has one.</summary>
    public ChinaStatutoryHolidays? Provisional { get; }

    /// <summary>Whether <paramref name="year"/> is judged from the statute alone, for want of official data.</summary>
    public bool IsProvisional(int year) => !years.Contains(year) && Provisional?.Covers(year) == true;

    /// <summary>Whether any day from <paramref name="from"/> to <paramref name="to"/> lies in a provisional year.</summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            if (IsProvisional(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="day"/> is a business day: an adjusted working day, or a weekday that is
    /// not a holiday.
    /// </summary>
    /// <exception cref="CalendarCoverageException">The day's year is not covered.</exception>
    public bool IsBusinessDay(DateOnly day)
    {
        if (!years.Contains(day.Year))
        {
            return Provisional?.Covers(day.Year) == true
                ? !weekend.Contains(day.DayOfWeek) && !Provisional.DaysOff(day.Year).ContainsKey(day)
                : throw new CalendarCoverageException(Id, day, CoveredYears);
        }

        if (workingDays.ContainsKey(day))
        {
            return true;
        }

        return !weekend.Contains(day.DayOfWeek) && !holidays.ContainsKey(day);
    }

    /// <summary>The holiday's name when <paramref name="day"/> is a listed (or, in a provisional year, derived) holiday.</summary>
    public string? HolidayName(DateOnly day) =>
        IsProvisional(day.Year) ? Provisional!.DaysOff(day.Year).GetValueOrDefault(day) : holidays.GetValueOrDefault(day);

    /// <summary>The local date of <paramref name="instant"/> in this calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The instant local <paramref name="day"/> ends (local 24:00, i.e. the next day's 00:00), in UTC.
    /// If that local time is skipped by a DST change the first valid instant after it is used; if it
    /// occurs twice, the first occurrence (the stricter one).
    /// </summary>
    public DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The <paramref name="count"/>th business day after <paramref name="day"/> (<paramref name="day"/> itself never counts).</summary>
    /// <exception cref="CalendarCoverageException">The count runs past the covered years.</exception>
    public DateOnly AddBusinessDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var counted = 0; counted < count;)
        {
            current = current.AddDays(1);
            if (IsBusinessDay(current))
            {
                counted++;
            }
        }

        return current;
    }
}

/// <summary>A calendar was asked about a day in a year it has no holiday data for.</summary>
public sealed class CalendarCoverageException : Exception
{
    public CalendarCoverageException(string calendarId, DateOnly day, IReadOnlyList<int> coveredYears)
        : base(coveredYears.Count == 0
            ? $"calendar '{calendarId}' carries no holiday data, so {day:yyyy-MM-dd} cannot be judged a business day"
            : $"calendar '{calendarId}' covers {string.Join(", ", coveredYears)}; {day:yyyy-MM-dd} is outside it")
    {
        CalendarId = calendarId;
        Day = day;
    }

    public CalendarCoverageException()
    {
        CalendarId = string.Empty;
    }

    public CalendarCoverageException(string message)
        : base(message)
    {
        CalendarId = string.Empty;
    }

    public CalendarCoverageException(string message, Exception innerException)
        : base(message, innerException)
    {
        CalendarId = string.Empty;
    }

    /// <summary>The calendar asked.</summary>
    public string CalendarId { get; }

    /// <summary>The day outside its coverage.</summary>
    public DateOnly Day { get; }
}
