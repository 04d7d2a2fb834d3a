using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Sla;
using TakedownFn.PersonalData;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Cases;

/// <summary>A case as the API shows it: where it stands, each stage's deadline and whether it was met, and every step.</summary>
internal sealed record CaseView(
    string CaseId,
    string Regime,
    string Category,
    string State,
    string Validation,
    IReadOnlyList<string> MissingElements,
    SeverityView? Severity,
    string PlatformReference,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcceptedAt,
    string? Policy,
    PolicyView? JudgedUnder,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<string> AllowedNextSteps,
    IReadOnlyList<StepView>? Timeline)
{
    /// <summary>What personal-information detection found in the notice (no values); null when it read nothing.</summary>
    public PersonalDataView? PersonalData { get; init; }

    /// <summary>When and why the case's personal data was erased; null while it is kept.</summary>
    public Erasure.ErasureView? Erasure { get; init; }

    /// <summary>When the case's personal data is due for erasure, and the legal hold deferring it (detail view; null once erased).</summary>
    public Erasure.RetentionView? Retention { get; init; }

    /// <summary>The victim-centred incident the case belongs to, in the detail view.</summary>
    public string? Incident { get; init; }

    /// <summary>Step kinds that complete each stage of a case triaged before policy packs (the first such step counts).</summary>
    private static readonly Dictionary<string, StepKind[]> LegacyCompletedBy = new(StringComparer.Ordinal)
    {
        ["act"] = [StepKind.ContentRemoved, StepKind.ContentDisabled, StepKind.ContentGeoRestricted, StepKind.ContentLabelled, StepKind.NoAction],
        ["acknowledge"] = [StepKind.NotifierInformed],
    };

    /// <summary>
    /// When the stages timed from receipt started: the earlier of the platform's receipt
    /// (<see cref="ReceivedAt"/>) and our acceptance (<see cref="AcceptedAt"/>); acceptance for cases
    /// accepted before the platform's receipt started the clocks.
    /// </summary>
    public DateTimeOffset ClockStartedAt { get; init; }

    /// <summary>Each of <see cref="MissingElements"/> with the provision that requires it and the field that supplies it.</summary>
    public IReadOnlyList<MissingElementView> Missing { get; init; } = [];

    /// <param name="record">The case row.</param>
    /// <param name="events">Its steps, for the detail view; null in lists.</param>
    /// <param name="now">The service's clock.</param>
    /// <param name="plan">The case's SLA evaluated now from its stored policy and steps; null in lists and for old cases.</param>
    public static CaseView From(CaseRecord record, IReadOnlyList<CaseEventRecord>? events, DateTimeOffset now, CaseSlaPlan? plan = null)
    {
        var state = WireIds.TryParse(record.State, out CaseState parsed) ? parsed : CaseState.Received;
        var notice = WireIds.TryParse(record.Validation, out NoticeValidity validity) ? validity : NoticeValidity.Pending;
        var deadlines = plan is not null
            ? plan.Stages.Select(s => Stage(s, events)).ToList()
            : record.Policy is not null
                ? record.Deadlines.Select(d => Snapshot(d, now)).ToList()
                : record.Deadlines.Select(d => Legacy(d, events, now)).ToList();
        return new CaseView(
            record.CaseId,
            record.Regime,
            record.Category,
            record.State,
            record.Validation,
            record.MissingElements,
            record.Severity is null ? null : new SeverityView(record.Severity, record.SeverityReasons),
            record.PlatformReference,
            record.ReceivedAt,
            record.AcceptedAt,
            record.PolicyId,
            record.Policy is { } p ? new PolicyView(p.PackId, p.PackVersion, p.TenantOverrideVersion, p.JudgedAt) : null,
            deadlines,
            CaseStateMachine.AllowedSteps(state, notice).Where(k => !CaseSteps.IsServiceOnly(k)).Select(k => k.ToId()).ToList(),
            events?.Select(StepView.From).ToList())
        {
            ClockStartedAt = record.ClockStartedAt ?? record.AcceptedAt,
            Missing = record.MissingElements.Select(id => MissingElementView.Of(record.Regime, id)).ToList(),
            PersonalData = PersonalDataView.From(record.PersonalData),
            Erasure = TakedownFn.Erasure.ErasureView.From(record.Erasure),
            Retention = events is null || record.Erasure is not null ? null : TakedownFn.Erasure.RetentionView.Of(record, events, now),
        };
    }

    /// <summary>A stage judged from the stored policy and the steps, with its clock's starts, pauses and resumes.</summary>
    private static DeadlineView Stage(StageStatus s, IReadOnlyList<CaseEventRecord>? events)
    {
        var completedBy = s.CompletedAt is { } at
            ? events?.FirstOrDefault(e => e.RecordedAt == at && WireIds.TryParse(e.Kind, out StepKind k) && StepSlaEffects.StepsCompleting(s.Stage).Contains(k))?.EventId
            : null;
        return new DeadlineView(
            s.Stage.ToId(), s.Deadline, s.Rule.Statutory, s.Rule.Basis ?? s.Rule.PackRuleKey, CaseSlaState.StateId(s.State), s.CompletedAt, completedBy, s.Margin)
        {
            Length = s.Rule.Length.ToString(),
            ClockStart = s.Rule.ClockStart.ToId(),
            Rule = s.Rule.PackRuleKey,
            TightenedFrom = s.Rule.PackLength?.ToString(),
            Earliest = s.Earliest,
            WarningAt = s.WarningAt,
            Clock = s.History.Select(e => new ClockEventView(e.Kind.ToString().ToLowerInvariant(), e.At, e.Reason)).ToList(),
            Pauses = s.History.Count == 0 ? [] : SlaClock.FromHistory(s.History).Pauses.Select(p => new PauseView(p.From, p.To)).ToList(),
            Provisional = s.Provisional,
            Reason = s.Reason,
            TimeZone = LocalDaysZone(s.Rule),
        };
    }

    /// <summary>
    /// The regime calendar's zone when the stage's length counts local days (calendar or business
    /// days end at local midnight there), so a reader elsewhere sees which day was meant; null for elapsed time.
    /// </summary>
    private static string? LocalDaysZone(ResolvedRule rule) =>
        rule.Length.Unit is DurationUnit.CalendarDays or DurationUnit.BusinessDays && CalendarCatalog.Shipped.TryGet(rule.Calendar, out var calendar)
            ? calendar.TimeZone.Id
            : null;

    /// <summary>
    /// A list view's stage, from the snapshot written with the case's last SLA change: a settled
    /// margin as the detail view judged it (<see cref="DeadlineRecord.Margin"/>), an open one from the
    /// deadline as the detail view computes it (<see cref="StageMargin.WhileOpen"/>).
    /// </summary>
    private static DeadlineView Snapshot(DeadlineRecord d, DateTimeOffset now)
    {
        var status = d.State is "open" or "warning" && now > d.DueAt ? "breached" : d.State ?? "open";
        var open = d.CompletedAt is null && d.State is null or "open" or "warning" or "breached";
        TimeSpan? margin = d.Margin ?? (open && SlaWireIds.TryParse(d.Stage, out SlaStage stage) ? StageMargin.WhileOpen(stage, d.DueAt, now) : LegacySnapshotMargin(d));
        return new DeadlineView(d.Stage, d.DueAt, d.Statutory, d.Basis, status, d.CompletedAt, null, margin) { Provisional = d.Provisional };
    }

    /// <summary>
    /// A settled stage in a row written before the snapshot kept its margin: deadline minus completion,
    /// except for preservation, whose margin (retention kept beyond keep-until) the row cannot tell.
    /// </summary>
    private static TimeSpan? LegacySnapshotMargin(DeadlineRecord d) =>
        d.CompletedAt is { } done && d.Stage != SlaStage.Preservation.ToId() ? d.DueAt - done : null;

    /// <summary>
    /// A case triaged before policy packs: met when the completing step was recorded (server time)
    /// by the deadline; breached when it came later, or has not come and the deadline passed; open
    /// otherwise. The margin is the time to spare when the stage ended (negative when late).
    /// </summary>
    private static DeadlineView Legacy(DeadlineRecord deadline, IReadOnlyList<CaseEventRecord>? events, DateTimeOffset now)
    {
        var kinds = LegacyCompletedBy.GetValueOrDefault(deadline.Stage, []).Select(k => k.ToId()).ToHashSet(StringComparer.Ordinal);
        var done = events?.FirstOrDefault(e => kinds.Contains(e.Kind));
        var status = done is not null
            ? done.RecordedAt <= deadline.DueAt ? "met" : "breached"
            : now > deadline.DueAt ? "breached" : "open";
        TimeSpan? margin = status == "open" ? null : deadline.DueAt - (done?.RecordedAt ?? now);
        return new DeadlineView(deadline.Stage, deadline.DueAt, deadline.Statutory, deadline.Basis, status, done?.RecordedAt, done?.EventId, margin);
    }
}

/// <summary>
/// A missing element of an incomplete notice: its id, the provision requiring it and the notice field
/// that supplies it (both from the current rules table; an id the table no longer knows shows neither).
/// </summary>
internal sealed record MissingElementView(string Element, string? Citation, string? Field)
{
    public static MissingElementView Of(string regime, string element) =>
        LegalCompleteness.TryDescribe(regime, element, out var described)
            ? new MissingElementView(element, described.Citation, described.Field)
            : new MissingElementView(element, null, null);
}

internal sealed record SeverityView(string Level, IReadOnlyList<string> Reasons);

/// <summary>The policy a case was judged under: pack and version, and the tenant override's version if one applied.</summary>
internal sealed record PolicyView(string PackId, int PackVersion, int? TenantOverrideVersion, DateTimeOffset JudgedAt);

/// <summary>
/// One stage: its deadline (null while paused or not started), status (<c>open</c>, <c>warning</c>,
/// <c>paused</c>, <c>met</c>, <c>breached</c>, …), margin, whether the deadline is provisional, and for
/// cases judged under a policy pack the rule and the clock's history.
/// </summary>
internal sealed record DeadlineView(string Stage, DateTimeOffset? DueAt, bool Statutory, string Basis, string Status, DateTimeOffset? CompletedAt, string? CompletedBy, TimeSpan? Margin)
{
    public string? Length { get; init; }

    public string? ClockStart { get; init; }

    public string? Rule { get; init; }

    public string? TightenedFrom { get; init; }

    public DateTimeOffset? Earliest { get; init; }

    public DateTimeOffset? WarningAt { get; init; }

    public IReadOnlyList<ClockEventView>? Clock { get; init; }

    public IReadOnlyList<PauseView>? Pauses { get; init; }

    /// <summary>
    /// The deadline counts days of a year whose official holiday arrangement the calendar lacks
    /// (derived from the statute): it may still move, and a <c>deadline-recomputed</c> step will say so.
    /// </summary>
    public bool Provisional { get; init; }

    /// <summary>For <c>stopped</c>, <c>not-applicable</c> and a breach left by a stopped clock: the step that ended the stage (<c>case-closed</c>, <c>lawsuit-notified</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The IANA zone whose local days the deadline counts (calendar or business days); null when it counts elapsed time.</summary>
    public string? TimeZone { get; init; }
}

internal sealed record ClockEventView(string Kind, DateTimeOffset At, string? Reason);

internal sealed record PauseView(DateTimeOffset From, DateTimeOffset? To);

internal sealed record StepView(string EventId, int Sequence, string Kind, DateTimeOffset RecordedAt, DateTimeOffset? OccurredAt, string Actor, string? CorrectsStepId, JsonElement Details)
{
    public static StepView From(CaseEventRecord e)
    {
        using var details = JsonDocument.Parse(e.Details);
        return new StepView(e.EventId, e.Sequence, e.Kind, e.RecordedAt, e.OccurredAt, e.Actor, e.CorrectsStepId, details.RootElement.Clone());
    }
}
