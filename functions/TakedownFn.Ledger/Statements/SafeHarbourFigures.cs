namespace TakedownFn.Ledger.Statements;

/// <summary>
/// The figures of a period safe-harbour statement: the three conditions of the procedural safe
/// harbour (POLICY-FACTS, end), each counted from ledger leaves alone by
/// <see cref="SafeHarbourCalculator"/>, so an auditor recomputes every figure from an export.
/// Durations are whole seconds; a time that was never recorded is null, never zero.
/// </summary>
/// <param name="Cases">Cases received in the period (and regime) whose leaves bind their facts.</param>
/// <param name="CasesWithoutFacts">Cases received in the period whose leaves are all version 1, so no regime or stage can be counted for them.</param>
/// <param name="ComplaintChannel">Condition 1: a working complaint channel.</param>
/// <param name="TimelyHandling">Condition 2: valid notices handled in time.</param>
/// <param name="Preservation">Condition 3: records preserved, cooperation given.</param>
public sealed record SafeHarbourFigures(
    int Cases,
    int CasesWithoutFacts,
    ComplaintChannelFigures ComplaintChannel,
    TimelyHandlingFigures TimelyHandling,
    PreservationFigures Preservation)
{
    /// <summary>Retention honoured (issue 14): cases whose personal-data retention ended in the period, and whether it was erased.</summary>
    public RetentionFigures? Retention { get; init; }
}

/// <summary>Condition 1: a working complaint channel.</summary>
/// <param name="Regimes">Per regime, in regime id order.</param>
public sealed record ComplaintChannelFigures(IReadOnlyList<ChannelRegimeFigures> Regimes);

/// <param name="Regime">The regime id the leaves bind.</param>
/// <param name="Received">Notices received (a <c>received</c> leaf in the period).</param>
/// <param name="Acknowledged">Of those, notices whose acknowledge stage was completed.</param>
/// <param name="AcknowledgeP50Seconds">Median time from the received leaf to the step completing acknowledge (rank rule of <see cref="SafeHarbourCalculator.Percentile"/>).</param>
/// <param name="AcknowledgeP90Seconds">90th percentile of the same.</param>
/// <param name="Incomplete">Notices found incomplete (an <c>incomplete</c> step).</param>
/// <param name="IncompleteAnswered">Of those, the ones whose incomplete step binds its details (the missing elements with citations) by digest, disclosable in the case's evidence bundle.</param>
/// <param name="Supplemented">Incomplete notices the notifier supplemented.</param>
public sealed record ChannelRegimeFigures(
    string Regime,
    int Received,
    int Acknowledged,
    long? AcknowledgeP50Seconds,
    long? AcknowledgeP90Seconds,
    int Incomplete,
    int IncompleteAnswered,
    int Supplemented)
{
    /// <summary>
    /// Notices received by the complaint channel the notices arrived by (<c>api</c>,
    /// <c>web-form</c>, …, <c>unrecorded</c> for cases from before channels were recorded), in id order.
    /// </summary>
    public IReadOnlyDictionary<string, int> ReceivedByChannel { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);
}

/// <summary>Condition 2: valid notices handled within the required time.</summary>
/// <param name="Regimes">Per regime, in regime id order.</param>
/// <param name="Weeks">The act stage per ISO week of receipt (UTC), for the compliance chart.</param>
/// <param name="Breaches">Every breached stage of a counted case, by case id and stage.</param>
/// <param name="CounterNotices">Counter-notices and restorations within their windows.</param>
public sealed record TimelyHandlingFigures(
    IReadOnlyList<ActRegimeFigures> Regimes,
    IReadOnlyList<ActWeekFigures> Weeks,
    IReadOnlyList<BreachFigure> Breaches,
    CounterNoticeFigures CounterNotices);

/// <param name="Regime">The regime id.</param>
/// <param name="Valid">Notices judged valid (validation <c>valid</c> in the case's last leaf).</param>
/// <param name="ActMet">Valid notices whose act stage was met.</param>
/// <param name="ActBreached">Valid notices whose act stage was breached.</param>
/// <param name="ActOpen">Valid notices whose act stage is still running or paused.</param>
public sealed record ActRegimeFigures(string Regime, int Valid, int ActMet, int ActBreached, int ActOpen)
{
    /// <summary>Valid notices whose act stage was stopped in time: the case was closed before any decision was due.</summary>
    public int ActStopped { get; init; }
}

/// <param name="Week">ISO 8601 week of receipt, <c>2026-W49</c>.</param>
/// <param name="ActMet">Valid notices received that week whose act stage was met.</param>
/// <param name="ActBreached">Those whose act stage was breached.</param>
public sealed record ActWeekFigures(string Week, int ActMet, int ActBreached);

/// <summary>A breached stage as the case's last leaf binds it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Stage">The stage id.</param>
/// <param name="DueAt">The deadline bound in the leaf.</param>
/// <param name="CompletedAt">When the completing step was recorded; null when it never was.</param>
/// <param name="MarginSeconds">Deadline minus completion (negative when late); null when not completed or completed too early (the window's minimum is not bound in leaves).</param>
/// <param name="Reason"><c>completed-late</c>, <c>completed-too-early</c> or <c>not-completed</c>, as the SLA report names them.</param>
/// <param name="RecordedBy">The event id of the step that recorded the breach (the <c>sla-breached</c> step, or the late completing step), whose details the bundle discloses.</param>
public sealed record BreachFigure(string CaseId, string Stage, DateTimeOffset DueAt, DateTimeOffset? CompletedAt, long? MarginSeconds, string Reason, string? RecordedBy);

/// <param name="Received">Cases with a counter-notice.</param>
/// <param name="RestorationMet">Of those, restoration stages met (put back inside the window).</param>
/// <param name="RestorationBreached">Restoration stages breached (too early or too late).</param>
/// <param name="RestorationOpen">Restoration stages still running.</param>
/// <param name="Restored">Cases with a <c>content-restored</c> step.</param>
public sealed record CounterNoticeFigures(int Received, int RestorationMet, int RestorationBreached, int RestorationOpen, int Restored)
{
    /// <summary>Restoration windows stopped before they ended: a lawsuit was notified (17 USC 512(g)(2)(C)) or the case was closed.</summary>
    public int RestorationStopped { get; init; }
}

/// <summary>Condition 3: records lawfully preserved and cooperation given.</summary>
/// <param name="PreservationRequired">Cases whose policy times a preservation stage.</param>
/// <param name="PreservationMet">Of those, evidence preserved for the required retention (or under legal hold).</param>
/// <param name="PreservationBreached">Evidence not preserved, or kept for less than the required retention.</param>
/// <param name="PreservationOpen">Required, not yet recorded, deadline not yet passed.</param>
/// <param name="EvidencePreservedSteps">Evidence-preserved steps recorded on counted cases.</param>
/// <param name="DisclosuresToAuthorities">Disclosed-to-authority steps recorded on counted cases.</param>
/// <param name="CasesDisclosedToAuthorities">Counted cases with at least one such step.</param>
public sealed record PreservationFigures(
    int PreservationRequired,
    int PreservationMet,
    int PreservationBreached,
    int PreservationOpen,
    int EvidencePreservedSteps,
    int DisclosuresToAuthorities,
    int CasesDisclosedToAuthorities)
{
    /// <summary>
    /// Cases (of the regime, whenever received) with evidence kept under a legal hold at the period's
    /// end: an <c>evidence-preserved</c> leaf binding <c>legalHold</c> recorded before it.
    /// </summary>
    public int CasesUnderLegalHold { get; init; }
}
