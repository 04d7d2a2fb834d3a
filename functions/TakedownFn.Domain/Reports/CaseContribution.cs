using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Reports;

/// <summary>The dimensions a case is reported under (no personal data: ids only).</summary>
/// <param name="Regime">The notice's regime id.</param>
/// <param name="Category">Its category id.</param>
/// <param name="Severity">Its assessed severity id, or <c>none</c> before triage.</param>
/// <param name="Source">The notifier's role id (<c>trusted-flagger</c>, <c>victim</c>, …), or <c>not-stated</c>.</param>
public sealed record ReportDimensions(string Regime, string Category, string Severity, string Source)
{
    public const string NoSeverity = "none";
    public const string NoSource = "not-stated";
}

/// <summary>A stage that was breached: the case, the deadline, by how much, and what ended it (if anything).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Stage">The stage id.</param>
/// <param name="Deadline">The deadline that was missed (or, for a window, its earliest instant missed).</param>
/// <param name="Margin">Deadline minus completion, negative; for an open breach, deadline minus the case's last step.</param>
/// <param name="Reason"><c>completed-late</c>, <c>completed-too-early</c> (a window's minimum) or <c>not-completed</c>.</param>
/// <param name="CompletedAt">When the completing step was recorded, if it was.</param>
public sealed record BreachEntry(string CaseId, string Stage, DateTimeOffset? Deadline, TimeSpan? Margin, string Reason, DateTimeOffset? CompletedAt);

/// <summary>What the report needs to know of a case row (ids, times, counts; never the notice's content).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Dimensions">Its report dimensions.</param>
/// <param name="ReceivedAt">The platform's stated receipt.</param>
/// <param name="AcceptedAt">The service's acceptance (server time).</param>
/// <param name="Validation"><c>pending</c>, <c>valid</c> or <c>incomplete</c>.</param>
/// <param name="ItemCount">Items of information the notice names.</param>
/// <param name="Policy">The policy it was judged under; null before triage and for cases judged before policy packs.</param>
/// <param name="Steps">Its steps in recorded order, as the SLA sees them.</param>
/// <param name="DecisionOnTerms">True when its decision on the content was recorded with <c>basis: terms</c>.</param>
public sealed record CaseReportInput(
    string CaseId,
    ReportDimensions Dimensions,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcceptedAt,
    string Validation,
    int ItemCount,
    ResolvedPolicy? Policy,
    IReadOnlyList<SlaStepFact> Steps,
    bool DecisionOnTerms = false);

/// <summary>
/// One case's share of the report: the hour it counts in, its dimensions, its figures and its
/// breaches. A pure function of the case's stored row and steps, so the rollup fold and the
/// reconciliation compute the same thing, and applying it twice changes nothing.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Hour">The UTC hour it counts in: the hour of its receipt (see <see cref="CountedAt"/>).</param>
/// <param name="Dimensions">Its dimensions.</param>
/// <param name="Figures">Its figures (each counter 0 or 1, items excepted).</param>
/// <param name="Breaches">Its breached stages.</param>
public sealed record CaseContribution(string CaseId, DateTimeOffset Hour, ReportDimensions Dimensions, SlaFigures Figures, IReadOnlyList<BreachEntry> Breaches)
{
    /// <summary>The exact completion time of each completed stage (what the histogram buckets), for the reconciliation's percentile check; not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, TimeSpan> Durations { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>
    /// The instant a case counts at: the earlier of the platform's stated receipt and the service's
    /// acceptance, i.e. when the notice reached the platform as far as anyone can show (a platform can
    /// only move its cases earlier by this, never later).
    /// </summary>
    public static DateTimeOffset CountedAt(DateTimeOffset receivedAt, DateTimeOffset acceptedAt) => receivedAt < acceptedAt ? receivedAt : acceptedAt;

    /// <summary>The UTC hour an instant falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>
    /// Computes a case's contribution. Stages are judged by <see cref="CaseSla.Plan"/> (the code the
    /// case view uses) at the case's last recorded step, so the result depends on the record alone:
    /// a stage whose deadline passes later turns <c>overdue</c> when the SLA timer records its
    /// breach (within 90 s of the deadline), which is itself a step.
    /// </summary>
    public static CaseContribution From(CaseReportInput input, CalendarCatalog calendars)
    {
        var figures = new SlaFigures();
        figures.Increment(ReportNames.Received);
        figures.Increment(input.Validation switch
        {
            "valid" => ReportNames.Valid,
            "incomplete" => ReportNames.Incomplete,
            _ => ReportNames.Pending,
        });
        if (input.Steps.Any(s => s.Kind == StepKind.NoticeSupplemented))
        {
            figures.Increment(ReportNames.Supplemented);
        }

        if (input.ItemCount > 0)
        {
            figures.Increment(ReportNames.Items, input.ItemCount);
        }

        var decision = input.Steps.FirstOrDefault(s => ReportNames.Actions.Any(a => a.Step == s.Kind));
        figures.Increment(decision is null ? ReportNames.StillOpen : ReportNames.ActionPrefix + ReportNames.Actions.First(a => a.Step == decision.Kind).Name);
        if (decision is not null && decision.Kind != StepKind.NoAction && input.DecisionOnTerms)
        {
            figures.Increment(ReportNames.ActionedOnTerms);
        }

        var breaches = new List<BreachEntry>();
        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (input.Policy is { } policy && input.Steps.Count > 0)
        {
            var judgedAt = input.Steps.Max(s => s.RecordedAt);
            var plan = CaseSla.Plan(policy, input.Steps, calendars, new FixedTime(judgedAt), StageEvaluator.DefaultWarningFraction);
            foreach (var status in plan.Stages)
            {
                var stage = status.Stage.ToId();
                var outcome = Outcome(status, plan.OpenBreaches.Contains(status.Stage));
                var stageFigures = figures.Stage(stage);
                SlaFigures.Bump(stageFigures.Counts, outcome, 1);
                if (status.CompletedAt is { } done && status.History.Count > 0)
                {
                    durations[stage] = done - status.History[0].At;
                    stageFigures.Durations.Add(durations[stage]);
                }

                if (outcome is ReportNames.Breached or ReportNames.Overdue)
                {
                    var reason = status.State == StageState.BreachedEarly ? "completed-too-early" : status.CompletedAt is null ? "not-completed" : "completed-late";
                    var deadline = status.State == StageState.BreachedEarly ? status.Earliest : status.Deadline;
                    var margin = status.Margin ?? (deadline is { } d ? d - judgedAt : null);
                    breaches.Add(new BreachEntry(input.CaseId, stage, deadline, margin, reason, status.CompletedAt));
                }
            }
        }

        var hour = HourOf(CountedAt(input.ReceivedAt, input.AcceptedAt));
        return new CaseContribution(input.CaseId, hour, input.Dimensions, figures, breaches) { Durations = durations };
    }

    /// <summary>The report's outcome for a stage status; a breach the SLA timer recorded on a stage still open is overdue.</summary>
    private static string Outcome(StageStatus status, bool openBreach) => status.State switch
    {
        StageState.Met => ReportNames.Met,
        StageState.Breached or StageState.BreachedEarly when status.CompletedAt is not null => ReportNames.Breached,

        // Missed, then ended (closed, a lawsuit): a breach that can no longer be cured, not an overdue stage.
        StageState.Breached when status.Reason is not null => ReportNames.Breached,
        StageState.Breached => ReportNames.Overdue,
        StageState.Paused => ReportNames.Paused,
        StageState.Stopped => ReportNames.Stopped,
        StageState.NotStarted => ReportNames.NotStarted,
        StageState.NotApplicable => ReportNames.NotApplicable,
        _ when openBreach => ReportNames.Overdue,
        _ => ReportNames.Open,
    };

    /// <summary>A clock that always reads one instant: the case is judged as of its last step.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
