namespace TakedownFn.Domain.Sla;

/// <summary>Deadline arithmetic: what "N units after instant T" means.</summary>
public sealed partial class BusinessCalendar
{
    /// <summary>
    /// The instant <paramref name="length"/> after <paramref name="start"/>, in UTC.
    /// <list type="bullet">
    /// <item><b>hours</b> and <b>seconds</b>: exactly that many elapsed units; a DST change does not move it.</item>
    /// <item><b>calendar-days</b> and <b>business-days</b>: the end (local 24:00) of the Nth (business)
    /// day after the local day of <paramref name="start"/>, in this calendar's zone.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Days are counted the way the laws these calendars serve count periods in days: the day of the
    /// triggering event is not counted, and the period runs to the end of its last day — US: FRCP
    /// 6(a)(1), the usual reading of "business days" in 17 USC 512(g)(2)(C); Germany: BGB §187(1),
    /// §188(1); China: Civil Code Art. 201 (开始的当日不计入) and Art. 203 (the last day ends at 24:00).
    /// "Same local time on the Nth day" would make a counter-notice that arrives at 23:59 worth a day
    /// less than one that arrives at 00:01, which no statute reads that way.
    /// </remarks>
    /// <exception cref="CalendarCoverageException">A business-day count runs outside the covered years.</exception>
    public DateTimeOffset Add(DateTimeOffset start, SlaLength length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length.Amount);
        return length.Unit switch
        {
            DurationUnit.Hours => start.ToUniversalTime().AddHours(length.Amount),
            DurationUnit.Seconds => start.ToUniversalTime().AddSeconds(length.Amount),
            DurationUnit.CalendarDays => EndOfDay(LocalDate(start).AddDays(length.Amount)),
            DurationUnit.BusinessDays => EndOfDay(AddBusinessDays(LocalDate(start), length.Amount)),
            _ => throw new ArgumentOutOfRangeException(nameof(length), length.Unit, "unknown unit"),
        };
    }

    /// <summary>
    /// As <see cref="Add"/>, but a calendar-day period whose last day is not a business day runs to
    /// the end of the next business day. Used for the earliest instant of a window (a right holder's
    /// period to sue): Civil Code Art. 203(1), BGB §193 and FRCP 6(a)(1)(C) all extend a period that
    /// ends on a rest day, so restoring before then would cut the period short.
    /// </summary>
    public DateTimeOffset AddExtendingOverRestDays(DateTimeOffset start, SlaLength length)
    {
        if (length.Unit != DurationUnit.CalendarDays)
        {
            return Add(start, length);
        }

        var last = LocalDate(start).AddDays(length.Amount);
        while (!IsBusinessDay(last))
        {
            last = last.AddDays(1);
        }

        return EndOfDay(last);
    }
}
