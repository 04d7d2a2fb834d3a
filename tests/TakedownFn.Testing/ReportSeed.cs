using System.Text;
using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Testing;

/// <summary>
/// Cases for the report tests and benchmark, written straight into the cases table: eight patterns whose figures
/// are known by hand. Every case is a DMCA notice judged under a policy of two stages: <c>act</c>
/// within 1 hour and <c>acknowledge</c> within 2 hours of receipt (T0).
/// </summary>
public static class ReportSeed
{
    public static readonly TimeSpan Act = TimeSpan.FromHours(1);

    /// <summary>The patterns, in the order case i takes them (i mod 8).</summary>
    public enum Pattern
    {
        /// <summary>Removed at T0+30m: act met.</summary>
        MetEarly,

        /// <summary>Removed at exactly the deadline: met (a completion at the deadline is in time).</summary>
        MetAtDeadline,

        /// <summary>Disabled 1 ms after the deadline: breached, margin −1 ms.</summary>
        BreachedByOneMillisecond,

        /// <summary>No decision; the SLA timer recorded the breach 30 s after the deadline: overdue.</summary>
        Overdue,

        /// <summary>Incomplete at T0+1m: act paused.</summary>
        Paused,

        /// <summary>Incomplete at T0+1m, supplemented at T0+31m (30 min paused), removed at T0+1h20m: met (deadline T0+1h30m).</summary>
        Supplemented,

        /// <summary>Receipt confirmed at T0+10m, removed at T0+30m, that step corrected at T0+40m: both stages met.</summary>
        Corrected,

        /// <summary>Removed at T0+30m, and its message redelivered: folded twice, counted once.</summary>
        Redelivered,
    }

    public static Pattern PatternOf(int i) => (Pattern)(i % 8);

    /// <summary>Case i is received at start + i × spacing (7 minutes unless given).</summary>
    public static DateTimeOffset ReceivedAt(DateTimeOffset start, int i, TimeSpan? spacing = null) => start + ((spacing ?? TimeSpan.FromMinutes(7)) * i);

    public static ResolvedPolicy Policy(DateTimeOffset at)
    {
        var shipped = PolicyCatalog.Shipped.Resolve("us-dmca", "copyright", SeverityLevel.Medium, at);
        var calendar = shipped.Rules[0].Calendar;
        return shipped with
        {
            Rules =
            [
                new ResolvedRule(SlaStage.Acknowledge, ClockStart.Receipt, new SlaLength(2, DurationUnit.Hours), calendar, false, "test", null, "us-dmca/*/*/acknowledge", null),
                new ResolvedRule(SlaStage.Act, ClockStart.Receipt, new SlaLength(1, DurationUnit.Hours), calendar, false, "test", null, "us-dmca/*/*/act", null),
            ],
        };
    }

    public static ImportedCase Case(string tenantId, DateTimeOffset start, int i, string role = "right-holder", TimeSpan? spacing = null)
    {
        var t0 = ReceivedAt(start, i, spacing);
        var caseId = CaseKeys.NewCaseId(t0);
        var pattern = PatternOf(i);
        var steps = new List<(StepKind Kind, DateTimeOffset At, object? Details, string? Corrects)> { (StepKind.Received, t0, null, null) };
        var incomplete = pattern is Pattern.Paused or Pattern.Supplemented;
        steps.Add(incomplete ? (StepKind.Incomplete, t0.AddMinutes(1), null, null) : (StepKind.Validated, t0.AddSeconds(5), null, null));
        steps.Add((StepKind.Triaged, steps[^1].At, null, null));
        switch (pattern)
        {
            case Pattern.MetEarly or Pattern.Redelivered:
                steps.Add((StepKind.ContentRemoved, t0.AddMinutes(30), null, null));
                break;
            case Pattern.MetAtDeadline:
                steps.Add((StepKind.ContentRemoved, t0 + Act, null, null));
                break;
            case Pattern.BreachedByOneMillisecond:
                steps.Add((StepKind.ContentDisabled, t0 + Act + TimeSpan.FromMilliseconds(1), null, null));
                break;
            case Pattern.Overdue:
                steps.Add((StepKind.SlaBreached, t0 + Act + TimeSpan.FromSeconds(30), new { stage = "act", deadline = t0 + Act, dueAt = t0 + Act }, null));
                break;
            case Pattern.Supplemented:
                steps.Add((StepKind.NoticeSupplemented, t0.AddMinutes(31), new { suppliedElements = new[] { "good-faith-statement" } }, null));
                steps.Add((StepKind.Validated, t0.AddMinutes(31), null, null));
                steps.Add((StepKind.ContentRemoved, t0.AddMinutes(80), null, null));
                break;
            case Pattern.Corrected:
                steps.Add((StepKind.NotifierInformed, t0.AddMinutes(10), new { topic = "receipt-confirmed" }, null));
                steps.Add((StepKind.ContentRemoved, t0.AddMinutes(30), null, null));
                steps.Add((StepKind.Correction, t0.AddMinutes(40), new { reason = "wrong item recorded" }, "content-removed"));
                break;
        }

        var events = steps.Select((s, n) => new CaseEventRecord
        {
            EventId = EventIds.For(caseId, s.Kind, (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            CaseId = caseId,
            Sequence = n + 1,
            Kind = s.Kind.ToId(),
            RecordedAt = s.At,
            OccurredAt = s.At,
            Details = s.Details is null ? "{}" : JsonSerializer.Serialize(s.Details),
            Actor = "service",
        }).ToList();
        var record = new CaseRecord
        {
            TenantId = tenantId,
            CaseId = caseId,
            Regime = "us-dmca",
            Category = "copyright",
            State = pattern is Pattern.Overdue or Pattern.Paused ? "triaged" : "actioned",
            Validation = pattern == Pattern.Paused ? "incomplete" : "valid",
            Severity = "medium",
            PlatformReference = $"seed-{i}",
            ReceivedAt = t0,
            AcceptedAt = t0,
            PolicyId = "test/1",
            Policy = Policy(t0),
            StepCount = events.Count,
            ItemCount = 1 + (i % 3),
        };
        var notice = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { regime = "us-dmca", notifier = new { role } }));
        return new ImportedCase(record, notice, events);
    }
}
