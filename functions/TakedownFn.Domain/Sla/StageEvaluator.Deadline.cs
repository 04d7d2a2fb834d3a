namespace TakedownFn.Domain.Sla;

/// <summary>Deadlines and warnings with paused time left out.</summary>
public static partial class StageEvaluator
{
    /// <summary>
    /// The instant <paramref name="length"/> after <paramref name="start"/> with the paused stretches
    /// left out.
    /// <list type="bullet">
    /// <item>hours and calendar-days: the deadline moves by each pause's full length (a pause that
    /// begins after the deadline, as it then stands, moves nothing).</item>
    /// <item>business-days: a business day counts only if the clock is running at its end (local
    /// 24:00). Periods in days end at the end of a day (see <see cref="BusinessCalendar.Add"/>), so
    /// "is the clock running when the day ends?" decides whether that day was used; a pause and
    /// resume within one day costs nothing, and a business day that ends while paused is not counted.</item>
    /// </list>
    /// </summary>
    internal static DateTimeOffset DeadlineAfter(
        BusinessCalendar calendar,
        DateTimeOffset start,
        SlaLength length,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> pauses,
        bool extendOverRestDays)
    {
        if (length.Unit != DurationUnit.BusinessDays)
        {
            var deadline = extendOverRestDays ? calendar.AddExtendingOverRestDays(start, length) : calendar.Add(start, length);
            foreach (var (from, to) in pauses.OrderBy(p => p.From))
            {
                if (from < deadline)
                {
                    deadline += to - from;
                }
            }

            return deadline;
        }

        var day = calendar.LocalDate(start);
        for (var counted = 0; counted < length.Amount;)
        {
            day = day.AddDays(1);
            var end = calendar.EndOfDay(day);
            if (calendar.IsBusinessDay(day) && !pauses.Any(p => p.From <= end && end < p.To))
            {
                counted++;
            }
        }

        return calendar.EndOfDay(day);
    }

    /// <summary>
    /// The instant at which <paramref name="fraction"/> of the running time allowed (start to
    /// deadline, less pauses) has been used, walking the running stretches in order.
    /// </summary>
    internal static DateTimeOffset WarningInstant(
        DateTimeOffset start,
        DateTimeOffset deadline,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> pauses,
        double fraction)
    {
        var running = new List<(DateTimeOffset From, DateTimeOffset To)>();
        var cursor = start;
        foreach (var (from, to) in pauses.Where(p => p.From < deadline).OrderBy(p => p.From))
        {
            if (from > cursor)
            {
                running.Add((cursor, from));
            }

            cursor = to > cursor ? to : cursor;
        }

        if (deadline > cursor)
        {
            running.Add((cursor, deadline));
        }

        var allowed = running.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.To - s.From));
        var remaining = allowed * fraction;
        foreach (var (from, to) in running)
        {
            if (remaining <= to - from)
            {
                return from + remaining;
            }

            remaining -= to - from;
        }

        return deadline;
    }
}
