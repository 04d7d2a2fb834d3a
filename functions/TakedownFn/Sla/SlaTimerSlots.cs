namespace TakedownFn.Sla;

/// <summary>
/// Timers are grouped into 10-second slots per tenant: one queue message fires every timer of the
/// tenant due in its slot, when the slot ends. Deadlines of many cases falling close together (a
/// burst of notices, a policy's fixed hour) then cost one message, not one per timer; a timer
/// fires at most one slot after it is due.
/// </summary>
internal static class SlaTimerSlots
{
    public static readonly TimeSpan Width = TimeSpan.FromSeconds(10);

    /// <summary>The end of the slot holding <paramref name="dueAt"/>: the first slot boundary after it.</summary>
    public static DateTimeOffset EndOf(DateTimeOffset dueAt) =>
        new(((dueAt.UtcTicks / Width.Ticks) + 1) * Width.Ticks, TimeSpan.Zero);
}
