namespace TakedownFn.Domain.Sla;

/// <summary>
/// A stage of a case that a policy times. Wire ids are kebab-case (<c>counter-notice-restoration</c>).
/// Which step completes which stage is decided by the one table in <see cref="StepSlaEffects"/>.
/// </summary>
public enum SlaStage
{
    /// <summary>Confirm receipt to the notifier (DSA Art. 16(4), IT Rules Rule 3(2)(a)(i)).</summary>
    Acknowledge,

    /// <summary>Remove, disable, restrict or label the content, or decide not to act.</summary>
    Act,

    /// <summary>Forward the notice (or news of the measure) to the uploader (Civil Code Art. 1195, 17 USC 512(g)(2)(A)).</summary>
    ForwardToUploader,

    /// <summary>Send the affected user a statement of reasons (DSA Art. 17, NetzDG §3(2) Nr. 5).</summary>
    StatementOfReasons,

    /// <summary>Put content back after a counter-notice, inside a window with a minimum and a maximum (17 USC 512(g)(2)(C)).</summary>
    CounterNoticeRestoration,

    /// <summary>
    /// Keep the evidence. Unlike the other stages its length is a retention the preserved evidence
    /// must reach, not a time to act within, so "stricter" means longer.
    /// </summary>
    Preservation,
}
