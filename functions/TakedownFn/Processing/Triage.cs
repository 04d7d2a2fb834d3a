using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Deadlines;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Processing;

/// <summary>
/// Decides what processing a received notice records: <c>validated</c> or <c>incomplete</c> (with
/// the missing elements), then <c>triaged</c> with the severity and its reasons, and the stage
/// deadlines. Pure: the same case and notice always give the same steps and event ids, so a
/// redelivered message can only write what the first delivery wrote.
/// </summary>
internal static class Triage
{
    public const string ServiceActor = "service";

    public static (CaseRecord Updated, IReadOnlyList<CaseEventRecord> Steps) Decide(CaseRecord received, Notice notice, DateTimeOffset now)
    {
        var completeness = LegalCompleteness.Check(notice);
        var severity = SeverityAssessor.Assess(notice);
        var missing = completeness is CompletenessResult.Incomplete incomplete ? incomplete.Missing.Select(m => m.Element).ToList() : [];
        var valid = missing.Count == 0;

        // An incomplete notice is answered (acknowledged) but starts no removal clock.
        var deadlines = DefaultDeadlines.For(notice.Regime, notice.Category, severity.Level)
            .Where(rule => valid || rule.Stage == Stage.Acknowledge)
            .Select(rule => new DeadlineRecord(KebabStage(rule.Stage), received.AcceptedAt + rule.Within, rule.Statutory, rule.Basis))
            .ToList();

        var validation = valid ? StepKind.Validated : StepKind.Incomplete;
        var steps = new List<CaseEventRecord>
        {
            Step(received, received.StepCount + 1, validation, now, valid ? new { } : new { missingElements = missing }),
            Step(received, received.StepCount + 2, StepKind.Triaged, now, new { severity = severity.Level.ToId(), score = severity.Score, reasons = severity.Reasons }),
        };
        var updated = received with
        {
            State = CaseState.Triaged.ToId(),
            Validation = valid ? "valid" : "incomplete",
            MissingElements = missing,
            Severity = severity.Level.ToId(),
            SeverityReasons = severity.Reasons.ToList(),
            PolicyId = DefaultDeadlines.PolicyId,
            Deadlines = deadlines,
            StepCount = received.StepCount + steps.Count,
        };
        return (updated, steps);
    }

    /// <summary>The step recorded when a notice could not be processed after every retry.</summary>
    public static (CaseRecord Updated, CaseEventRecord Step) Failed(CaseRecord received, DateTimeOffset now, string errorCode) =>
        (received with { State = CaseState.ProcessingFailed.ToId(), StepCount = received.StepCount + 1 },
         Step(received, received.StepCount + 1, StepKind.ProcessingFailed, now, new { errorCode }));

    public static string KebabStage(Stage stage) => stage.ToString().ToLowerInvariant();

    private static CaseEventRecord Step(CaseRecord @case, int sequence, StepKind kind, DateTimeOffset now, object details) => new()
    {
        // The sequence makes the id unique per case; the same case state yields the same ids.
        EventId = EventIds.For(@case.CaseId, kind, $"{sequence}"),
        CaseId = @case.CaseId,
        Sequence = sequence,
        Kind = kind.ToId(),
        RecordedAt = now,
        Details = JsonSerializer.Serialize(details),
        Actor = ServiceActor,
    };
}
