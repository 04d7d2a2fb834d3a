namespace TakedownFn.Domain.Sla;

/// <summary>Whether a time a platform claims for a step can be recorded beside the service's own time.</summary>
public enum ClaimedTimeVerdict
{
    Plausible,

    /// <summary>Later than the service's clock plus the skew tolerance.</summary>
    InFuture,

    /// <summary>Before the service received the notice: no step can precede the notice it answers.</summary>
    BeforeReceipt,
}

/// <summary>
/// A pure check of a platform-claimed time. The claimed time is evidence only: SLA outcomes are
/// always decided by the service's clock (the time the step reached the service), so a platform
/// cannot meet a deadline by back-dating a step.
/// </summary>
public static class ClaimedTime
{
    /// <summary>
    /// Judges <paramref name="claimed"/> against the notice's receipt and the service's clock, allowing
    /// <paramref name="skewTolerance"/> for clock skew between the platform and the service.
    /// </summary>
    public static ClaimedTimeVerdict Check(DateTimeOffset claimed, DateTimeOffset noticeReceivedAt, TimeProvider serviceClock, TimeSpan skewTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(skewTolerance, TimeSpan.Zero);
        if (claimed > serviceClock.GetUtcNow() + skewTolerance)
        {
            return ClaimedTimeVerdict.InFuture;
        }

        return claimed < noticeReceivedAt ? ClaimedTimeVerdict.BeforeReceipt : ClaimedTimeVerdict.Plausible;
    }
}
