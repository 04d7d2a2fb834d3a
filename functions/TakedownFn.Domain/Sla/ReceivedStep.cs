namespace TakedownFn.Domain.Sla;

/// <summary>What a case's <c>received</c> step records for the SLA.</summary>
public static class ReceivedStep
{
    /// <summary>
    /// The detail naming when the stages timed from receipt start: the platform's receipt of the
    /// notice, or our acceptance if that was earlier (<see cref="SlaStepFact.StartsClockAt"/>). Steps
    /// recorded before it existed name none: their clocks started at the step's server time.
    /// </summary>
    public const string ClockStartsAt = "clockStartsAt";
}
