using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Cases;

/// <summary>A case as the API shows it: where it stands, each deadline and whether it was met, and every step.</summary>
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
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<string> AllowedNextSteps,
    IReadOnlyList<StepView>? Timeline)
{
    /// <summary>Step kinds that complete each stage (the first such step counts).</summary>
    private static readonly Dictionary<string, StepKind[]> CompletedBy = new(StringComparer.Ordinal)
    {
        ["act"] = [StepKind.ContentRemoved, StepKind.ContentDisabled, StepKind.ContentGeoRestricted, StepKind.ContentLabelled, StepKind.NoAction],
        ["acknowledge"] = [StepKind.NotifierInformed],
    };

    public static CaseView From(CaseRecord record, IReadOnlyList<CaseEventRecord>? events, DateTimeOffset now)
    {
        var state = WireIds.TryParse(record.State, out CaseState parsed) ? parsed : CaseState.Received;
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
            record.Deadlines.Select(d => Deadline(d, events, now)).ToList(),
            CaseStateMachine.AllowedSteps(state).Where(k => !CaseSteps.IsServiceOnly(k)).Select(k => k.ToId()).ToList(),
            events?.Select(StepView.From).ToList());
    }

    /// <summary>
    /// Met when the completing step was recorded (server time) by the deadline; breached when it
    /// came later, or has not come and the deadline passed; open otherwise. The margin is the time
    /// to spare when the stage ended (negative when late).
    /// </summary>
    private static DeadlineView Deadline(DeadlineRecord deadline, IReadOnlyList<CaseEventRecord>? events, DateTimeOffset now)
    {
        var kinds = CompletedBy.GetValueOrDefault(deadline.Stage, []).Select(k => k.ToId()).ToHashSet(StringComparer.Ordinal);
        var done = events?.FirstOrDefault(e => kinds.Contains(e.Kind));
        var status = done is not null
            ? done.RecordedAt <= deadline.DueAt ? "met" : "breached"
            : now > deadline.DueAt ? "breached" : "open";
        TimeSpan? margin = status == "open" ? null : deadline.DueAt - (done?.RecordedAt ?? now);
        return new DeadlineView(deadline.Stage, deadline.DueAt, deadline.Statutory, deadline.Basis, status, done?.RecordedAt, done?.EventId, margin);
    }
}

internal sealed record SeverityView(string Level, IReadOnlyList<string> Reasons);

internal sealed record DeadlineView(string Stage, DateTimeOffset DueAt, bool Statutory, string Basis, string Status, DateTimeOffset? CompletedAt, string? CompletedBy, TimeSpan? Margin);

internal sealed record StepView(string EventId, int Sequence, string Kind, DateTimeOffset RecordedAt, DateTimeOffset? OccurredAt, string Actor, string? CorrectsStepId, JsonElement Details)
{
    public static StepView From(CaseEventRecord e)
    {
        using var details = JsonDocument.Parse(e.Details);
        return new StepView(e.EventId, e.Sequence, e.Kind, e.RecordedAt, e.OccurredAt, e.Actor, e.CorrectsStepId, details.RootElement.Clone());
    }
}
