namespace TakedownFn.Domain.Sla;

/// <summary>
/// How a rule's length is counted. Wire ids are kebab-case (<c>business-days</c>). The arithmetic is
/// on <c>BusinessCalendar.Add</c>, which says why days end at local 24:00.
/// </summary>
public enum DurationUnit
{
    /// <summary>Elapsed hours, whatever the wall clock does (a DST change neither adds nor removes one).</summary>
    Hours,

    /// <summary>Whole local days: the day of the triggering event is not counted; the period ends at local 24:00 of the last day.</summary>
    CalendarDays,

    /// <summary>As <see cref="CalendarDays"/>, counting only the calendar's business days.</summary>
    BusinessDays,

    /// <summary>
    /// Elapsed seconds. No law counts in seconds; a tenant may tighten a target below an hour
    /// (e.g. 15 minutes for terrorist content, 900 seconds), and seconds say that without rounding.
    /// </summary>
    Seconds,
}
