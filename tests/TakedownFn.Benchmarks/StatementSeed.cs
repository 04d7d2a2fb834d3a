using System.Globalization;
using System.Text;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.Benchmarks;

/// <summary>
/// The leaves of many cases for the safe-harbour statement benchmark, in sequencing order, with the
/// facts the service binds (regime, validation, stages with deadlines and completions): eight
/// patterns that reach every part of the statement (met, completed late, overdue, incomplete,
/// counter-notice, evidence preserved and disclosed, two regimes). No personal data: made-up ids.
/// </summary>
internal static class StatementSeed
{
    private static readonly TimeSpan Act = TimeSpan.FromHours(1);
    private static readonly TimeSpan Acknowledge = TimeSpan.FromHours(2);

    /// <summary>
    /// The leaves of <paramref name="cases"/> cases received over [<paramref name="from"/>, <paramref name="to"/>),
    /// preceded by synthetic leaves before <paramref name="from"/> (other, older activity) that bring
    /// the log to <paramref name="leaves"/> when the cases' own leaves are fewer.
    /// </summary>
    public static List<PendingLeaf> Leaves(int cases, int leaves, DateTimeOffset from, DateTimeOffset to)
    {
        var spacing = (to - from - TimeSpan.FromDays(2)) / Math.Max(1, cases);
        var cased = new List<PendingLeaf>(cases * 5 / 2);
        for (int i = 0; i < cases; i++)
        {
            cased.AddRange(Case(from + (spacing * i), i));
        }

        cased.Sort(PendingLeaf.Order);
        var padding = Math.Max(0, leaves - cased.Count);
        var log = new List<PendingLeaf>(padding + cased.Count);
        for (int i = 0; i < padding; i += 10_000)
        {
            log.AddRange(LedgerBenchmarkSupport.SyntheticEvents(Math.Min(10_000, padding - i), from.AddDays(-30).AddSeconds(i / 10_000)));
        }

        log.AddRange(cased);
        return log;
    }

    /// <summary>The notice a received leaf commits to (a stand-in: the statement never opens it).</summary>
    public static byte[] Notice(PendingLeaf received) => Encoding.UTF8.GetBytes($"{{\"case\":\"{received.Event.CaseId}\"}}");

    private static IEnumerable<PendingLeaf> Case(DateTimeOffset t0, int i)
    {
        var caseId = CaseKeys.NewCaseId(t0);
        var regime = i % 5 == 0 ? "eu-dsa" : "us-dmca";
        var pattern = i % 8;
        var ack = new LeafStage("acknowledge", t0 + Acknowledge, "open", null);
        var act = new LeafStage("act", t0 + Act, "open", null);
        var sequence = 0;
        PendingLeaf Leaf(StepKind kind, DateTimeOffset at, string validation, string state, IReadOnlyList<LeafStage> stages, params string[] completes) =>
            new(new CaseEventRecord
            {
                EventId = EventIds.For(caseId, kind, (++sequence).ToString(CultureInfo.InvariantCulture)),
                CaseId = caseId,
                Sequence = sequence,
                Kind = kind.ToId(),
                RecordedAt = at,
                OccurredAt = at,
                Details = "{}",
                Actor = "service",
            }, "benchmark/1", new LeafFacts(regime, "copyright", "medium", validation, state, stages, completes).ToJson().ToJsonString());

        yield return Leaf(StepKind.Received, t0, "valid", "triaged", [ack, act]);
        var acked = ack with { State = "met", CompletedAt = t0.AddMinutes(10) };
        switch (pattern)
        {
            case 0 or 1:
                yield return Leaf(StepKind.ContentRemoved, t0.AddMinutes(10), "valid", "actioned", [acked, act with { State = "met", CompletedAt = t0.AddMinutes(10) }], "acknowledge", "act");
                break;
            case 2:
                yield return Leaf(StepKind.ContentDisabled, t0 + Act + TimeSpan.FromMinutes(5), "valid", "actioned", [ack with { State = "met", CompletedAt = t0 + Act + TimeSpan.FromMinutes(5) }, act with { State = "breached", CompletedAt = t0 + Act + TimeSpan.FromMinutes(5) }], "acknowledge", "act");
                break;
            case 3:
                yield return Leaf(StepKind.SlaBreached, t0 + Act + TimeSpan.FromSeconds(30), "valid", "triaged", [ack, act with { State = "breached" }]);
                break;
            case 4:
                yield return Leaf(StepKind.Incomplete, t0.AddMinutes(1), "incomplete", "incomplete", [acked, act with { State = "paused" }], "acknowledge");
                break;
            case 5:
                var removed = act with { State = "met", CompletedAt = t0.AddMinutes(20) };
                var restoration = new LeafStage("counter-notice-restoration", t0.AddDays(1).AddDays(14), "open", null);
                yield return Leaf(StepKind.ContentRemoved, t0.AddMinutes(20), "valid", "actioned", [ack with { State = "met", CompletedAt = t0.AddMinutes(20) }, removed], "acknowledge", "act");
                yield return Leaf(StepKind.CounterNoticeReceived, t0.AddDays(1), "valid", "counter-noticed", [ack with { State = "met", CompletedAt = t0.AddMinutes(20) }, removed, restoration]);
                break;
            default:
                var preservation = new LeafStage("preservation", t0.AddHours(24), "met", t0.AddMinutes(15));
                var met = act with { State = "met", CompletedAt = t0.AddMinutes(15) };
                yield return Leaf(StepKind.ContentRemoved, t0.AddMinutes(15), "valid", "actioned", [ack with { State = "met", CompletedAt = t0.AddMinutes(15) }, met, preservation with { State = "open", CompletedAt = null }], "acknowledge", "act");
                yield return Leaf(StepKind.EvidencePreserved, t0.AddMinutes(16), "valid", "actioned", [ack with { State = "met", CompletedAt = t0.AddMinutes(15) }, met, preservation with { CompletedAt = t0.AddMinutes(16) }], "preservation");
                if (pattern == 7)
                {
                    yield return Leaf(StepKind.DisclosedToAuthority, t0.AddMinutes(17), "valid", "actioned", [ack with { State = "met", CompletedAt = t0.AddMinutes(15) }, met, preservation with { CompletedAt = t0.AddMinutes(16) }]);
                }

                break;
        }
    }
}
