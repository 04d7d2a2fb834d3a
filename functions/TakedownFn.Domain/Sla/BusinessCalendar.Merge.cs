namespace TakedownFn.Domain.Sla;

/// <summary>Combining a calendar's files: the shipped one and a later file adding a year's official data.</summary>
public sealed partial class BusinessCalendar
{
    /// <summary>
    /// This calendar with <paramref name="addition"/>'s years added: a file such as
    /// <c>calendar.cn-2027.json</c> (same id, zone and weekend) brings a year's official data without
    /// touching the original file. Years may not overlap; at most one of the two has a provisional rule.
    /// </summary>
    /// <returns>The merged calendar, or what stops the merge.</returns>
    internal (BusinessCalendar? Merged, string? Problem) Merge(BusinessCalendar addition)
    {
        if (addition.TimeZone.Id != TimeZone.Id || !addition.weekend.SetEquals(weekend))
        {
            return (null, $"calendar '{Id}' appears twice with different time zones or weekends");
        }

        var overlap = addition.years.Intersect(years).Order().ToArray();
        if (overlap.Length > 0)
        {
            return (null, $"calendar '{Id}' lists {string.Join(", ", overlap)} in two files");
        }

        if (Provisional is not null && addition.Provisional is not null)
        {
            return (null, $"calendar '{Id}' has a provisional rule in two files");
        }

        return (new BusinessCalendar(
            Id,
            TimeZone,
            years.Concat(addition.years),
            weekend,
            holidays.Concat(addition.holidays).ToDictionary(),
            workingDays.Concat(addition.workingDays).ToDictionary(),
            Provisional ?? addition.Provisional), null);
    }
}
