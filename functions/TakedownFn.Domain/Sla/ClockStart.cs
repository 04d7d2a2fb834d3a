namespace TakedownFn.Domain.Sla;

/// <summary>The event that starts a stage's clock. Wire ids are kebab-case (<c>counter-notice-forwarded</c>).</summary>
public enum ClockStart
{
    /// <summary>The service received the notice (its own clock, never the notifier's).</summary>
    Receipt,

    /// <summary>The notice was judged legally complete.</summary>
    Validity,

    /// <summary>The notice was forwarded to the uploader.</summary>
    Forwarding,

    /// <summary>A counter-notice was received (17 USC 512(g)(2)(C): "following receipt of the counter notice").</summary>
    CounterNotice,

    /// <summary>
    /// The counter-notice was forwarded to, and so reached, the notifier (E-Commerce Law Art. 43 and
    /// Civil Code Art. 1196 count from when the declaration reaches the right holder).
    /// </summary>
    CounterNoticeForwarded,

    /// <summary>A restriction was imposed (DSA Art. 17(1): statement of reasons at the latest then).</summary>
    Action,
}
