namespace TakedownFn.Domain.Sla;

/// <summary>A length in a <see cref="DurationUnit"/>, e.g. 14 business days.</summary>
/// <param name="Amount">How many units; a valid policy only holds positive amounts.</param>
/// <param name="Unit">How the units are counted.</param>
public readonly record struct SlaLength(int Amount, DurationUnit Unit)
{
    /// <summary>Shortest a local calendar day can be in any zone we ship (the day clocks spring forward).</summary>
    private const int ShortestDayHours = 23;

    private const long SecondsPerHour = 3600;

    /// <summary>
    /// Whether this length surely ends no later than <paramref name="other"/> from the same start,
    /// whatever the calendar. Lengths in the same unit compare by amount. Hours against days compare
    /// only when the hours fit into the shortest possible days (23 h each), because a local day
    /// that clocks spring forward on is 23 h long and a business day is never shorter than a calendar
    /// day; seconds compare with hours exactly and with days as with hours. Other mixes cannot be
    /// ordered without a calendar and return false.
    /// </summary>
    public bool IsSurelyNoLongerThan(SlaLength other) => (Unit, other.Unit) switch
    {
        _ when Unit == other.Unit => Amount <= other.Amount,
        (DurationUnit.Seconds, DurationUnit.Hours) => Amount <= other.Amount * SecondsPerHour,
        (DurationUnit.Seconds, _) => Amount <= other.Amount * ShortestDayHours * SecondsPerHour,
        (DurationUnit.Hours, DurationUnit.Seconds) => Amount * SecondsPerHour <= other.Amount,
        (DurationUnit.Hours, _) => Amount <= other.Amount * ShortestDayHours,
        (DurationUnit.CalendarDays, DurationUnit.BusinessDays) => Amount <= other.Amount,
        _ => false,
    };

    /// <summary>Whether this length surely ends no earlier than <paramref name="other"/>.</summary>
    public bool IsSurelyNoShorterThan(SlaLength other) => (Unit, other.Unit) switch
    {
        _ when Unit == other.Unit => Amount >= other.Amount,
        (DurationUnit.Hours, DurationUnit.Seconds) => Amount * SecondsPerHour >= other.Amount,
        (DurationUnit.CalendarDays, DurationUnit.Seconds) or (DurationUnit.BusinessDays, DurationUnit.Seconds) => Amount * ShortestDayHours * SecondsPerHour >= other.Amount,
        (DurationUnit.CalendarDays, DurationUnit.Hours) or (DurationUnit.BusinessDays, DurationUnit.Hours) => Amount * ShortestDayHours >= other.Amount,
        (DurationUnit.BusinessDays, DurationUnit.CalendarDays) => Amount >= other.Amount,
        _ => false,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Amount} {Unit.ToId()}";
}
