using System.Globalization;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Statements;

/// <summary>
/// Counts a period safe-harbour statement from ledger leaves alone: the service runs it over the
/// leaves its checkpoint covers, the offline verifier over an export's. Stage outcomes are the ones
/// the service judged and bound in each case's last version 2 leaf (the case view's judgement, not
/// a second one); times are the leaves' server times. A case counts in the period its
/// <c>received</c> leaf falls in.
/// </summary>
public sealed class SafeHarbourCalculator
{
    // The step kinds' wire ids as leaves record them (Domain StepKind, kebab-case).
    private const string ReceivedKind = "received";
    private const string IncompleteKind = "incomplete";
    private const string SupplementedKind = "notice-supplemented";
    private const string EvidencePreservedKind = "evidence-preserved";
    private const string CounterNoticeReceivedKind = "counter-notice-received";
    private const string ContentRestoredKind = "content-restored";
    private const string PersonalDataErasedKind = "personal-data-erased";
    private const string ErasureRefusedKind = "erasure-refused";

    /// <summary>How <see cref="ChannelRegimeFigures.ReceivedByChannel"/> names cases whose leaves bind no channel (accepted before channels were recorded).</summary>
    public const string UnrecordedChannel = "unrecorded";

    /// <summary>The step kind recording a disclosure to authorities (Domain StepKind.DisclosedToAuthority).</summary>
    public const string DisclosedToAuthority = "disclosed-to-authority";

    private readonly DateTimeOffset from;
    private readonly DateTimeOffset to;
    private readonly string? regime;
    private readonly Dictionary<string, CaseTally> cases = new(StringComparer.Ordinal);

    /// <param name="from">Start of the period, inclusive.</param>
    /// <param name="to">End of the period, exclusive.</param>
    /// <param name="regime">Only cases under this regime id; null for all.</param>
    public SafeHarbourCalculator(DateTimeOffset from, DateTimeOffset to, string? regime)
    {
        this.from = from;
        this.to = to;
        this.regime = regime;
    }

    /// <summary>Adds the next leaf, in log order.</summary>
    public void Add(LedgerLeaf leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (!cases.TryGetValue(leaf.CaseId, out var tally))
        {
            tally = new CaseTally();
            cases[leaf.CaseId] = tally;
        }

        tally.Add(leaf);
    }

    /// <summary>The figures of the leaves added so far.</summary>
    public SafeHarbourFigures Figures()
    {
        var counted = cases
            .Where(c => c.Value.ReceivedAt is { } at && at >= from && at < to)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var withFacts = counted.Where(c => c.Value.Facts is not null && (regime is null || c.Value.Facts.Regime == regime)).ToList();
        int withoutFacts = counted.Count(c => c.Value.Facts is null);
        var byRegime = withFacts.GroupBy(c => c.Value.Facts!.Regime).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

        var channel = byRegime.Select(g =>
        {
            var ack = g.Select(c => c.Value.AcknowledgeSeconds()).OfType<long>().Order().ToList();
            return new ChannelRegimeFigures(
                g.Key,
                g.Count(),
                ack.Count,
                Percentile(ack, 50),
                Percentile(ack, 90),
                g.Count(c => c.Value.Incomplete),
                g.Count(c => c.Value.IncompleteAnswered),
                g.Count(c => c.Value.Supplemented))
            {
                ReceivedByChannel = new SortedDictionary<string, int>(
                    g.GroupBy(c => c.Value.Channel ?? UnrecordedChannel).ToDictionary(c => c.Key, c => c.Count()),
                    StringComparer.Ordinal),
            };
        }).ToList();

        var act = byRegime.Select(g =>
        {
            var valid = g.Where(c => c.Value.Facts!.Validation == "valid").ToList();
            return new ActRegimeFigures(
                g.Key,
                valid.Count,
                valid.Count(c => Outcome(c.Value.Stage("act")) == StageOutcome.Met),
                valid.Count(c => Outcome(c.Value.Stage("act")) == StageOutcome.Breached),
                valid.Count(c => Outcome(c.Value.Stage("act")) == StageOutcome.Open))
            {
                ActStopped = valid.Count(c => Outcome(c.Value.Stage("act")) == StageOutcome.Stopped),
            };
        }).ToList();

        var weeks = withFacts
            .Where(c => c.Value.Facts!.Validation == "valid")
            .GroupBy(c => IsoWeek(c.Value.ReceivedAt!.Value))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ActWeekFigures(
                g.Key,
                g.Count(c => Outcome(c.Value.Stage("act")) == StageOutcome.Met),
                g.Count(c => Outcome(c.Value.Stage("act")) == StageOutcome.Breached)))
            .ToList();

        var breaches = withFacts
            .SelectMany(c => c.Value.Facts!.Stages.Where(s => Outcome(s) == StageOutcome.Breached).Select(s => Breach(c.Key, c.Value, s)))
            .ToList();

        var counter = withFacts.Where(c => c.Value.CounterNoticed).ToList();
        var restoration = counter.Select(c => Outcome(c.Value.Stage("counter-notice-restoration"))).ToList();
        var counterNotices = new CounterNoticeFigures(
            counter.Count,
            restoration.Count(o => o == StageOutcome.Met),
            restoration.Count(o => o == StageOutcome.Breached),
            restoration.Count(o => o == StageOutcome.Open),
            withFacts.Count(c => c.Value.Restored))
        {
            RestorationStopped = restoration.Count(o => o == StageOutcome.Stopped),
        };

        var preservation = withFacts.Select(c => c.Value.Stage("preservation")).OfType<LeafStage>().Select(Outcome).ToList();
        var records = new PreservationFigures(
            preservation.Count,
            preservation.Count(o => o == StageOutcome.Met),
            preservation.Count(o => o == StageOutcome.Breached),
            preservation.Count(o => o == StageOutcome.Open),
            withFacts.Sum(c => c.Value.EvidencePreserved),
            withFacts.Sum(c => c.Value.Disclosures),
            withFacts.Count(c => c.Value.Disclosures > 0))
        {
            // A hold is in force at the period's end whenever its case was received: count every case of the regime.
            CasesUnderLegalHold = cases.Values.Count(c => c.HeldBefore(to) && (regime is null || c.Facts?.Regime == regime)),
        };

        return new SafeHarbourFigures(
            withFacts.Count,
            withoutFacts,
            new ComplaintChannelFigures(channel),
            new TimelyHandlingFigures(act, weeks, breaches, counterNotices),
            records)
        {
            Retention = RetentionFigures.Of(cases.Values
                .Where(c => c.Facts is not null && (regime is null || c.Facts.Regime == regime)
                            && c.Stage("preservation")?.DueAt is { } end && end >= from && end < to)
                .Select(c => (c.Stage("preservation")!.DueAt, c.ErasedAt, (IReadOnlyList<DateTimeOffset>)c.RefusedAt))),
        };
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> of ascending <paramref name="sorted"/>: the rank
    /// rule the SLA report's histograms and its reconciliation use (round(p/100 × n), at least 1).
    /// </summary>
    public static long? Percentile(IReadOnlyList<long> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)((percentile / 100.0 * sorted.Count) + 0.5));
        return sorted[(int)Math.Min(rank, sorted.Count) - 1];
    }

    private static BreachFigure Breach(string caseId, CaseTally tally, LeafStage stage)
    {
        var early = stage.State == "breached-early";
        var reason = early ? "completed-too-early" : stage.CompletedAt is null ? "not-completed" : "completed-late";
        long? margin = early || stage.CompletedAt is not { } done ? null : (long)Math.Floor((stage.DueAt - done).TotalSeconds);
        return new BreachFigure(caseId, stage.Stage, stage.DueAt, stage.CompletedAt, margin, reason, tally.BreachRecordedBy.GetValueOrDefault(stage.Stage));
    }

    private enum StageOutcome
    {
        None,
        Met,
        Breached,
        Open,
        Stopped,
    }

    private static StageOutcome Outcome(LeafStage? stage) => stage?.State switch
    {
        null or "not-started" => StageOutcome.None,
        "met" => StageOutcome.Met,
        "breached" or "breached-early" => StageOutcome.Breached,
        "stopped" => StageOutcome.Stopped,
        _ => StageOutcome.Open,
    };

    private static string IsoWeek(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    /// <summary>What the statement needs of one case, folded leaf by leaf.</summary>
    private sealed class CaseTally
    {
        public DateTimeOffset? ReceivedAt { get; private set; }

        /// <summary>The facts of the case's last version 2 leaf.</summary>
        public LeafFacts? Facts { get; private set; }

        public bool Incomplete { get; private set; }

        public bool IncompleteAnswered { get; private set; }

        public bool Supplemented { get; private set; }

        public bool CounterNoticed { get; private set; }

        public bool Restored { get; private set; }

        public int EvidencePreserved { get; private set; }

        public int Disclosures { get; private set; }

        /// <summary>When the case's personal data was erased, if it was.</summary>
        public DateTimeOffset? ErasedAt { get; private set; }

        /// <summary>When erasures were refused because of a legal hold.</summary>
        public List<DateTimeOffset> RefusedAt { get; } = [];

        /// <summary>The complaint channel the leaves bind, if any.</summary>
        public string? Channel { get; private set; }

        /// <summary>The legal-hold flag of each evidence-preserved leaf, in log order: the latest one decides (a leaf without the hold releases it).</summary>
        public List<(DateTimeOffset At, bool Hold)> HoldChanges { get; } = [];

        /// <summary>Whether a legal hold was in force just before <paramref name="instant"/>.</summary>
        public bool HeldBefore(DateTimeOffset instant) =>
            HoldChanges.LastOrDefault(c => c.At < instant) is { Hold: true };

        /// <summary>Stage → the event id of the leaf that first bound it as breached.</summary>
        public Dictionary<string, string> BreachRecordedBy { get; } = new(StringComparer.Ordinal);

        public void Add(LedgerLeaf leaf)
        {
            switch (leaf.EventType)
            {
                case ReceivedKind:
                    ReceivedAt ??= leaf.ServerTime;
                    break;
                case IncompleteKind:
                    Incomplete = true;
                    IncompleteAnswered |= leaf.DetailsDigest is not null;
                    break;
                case SupplementedKind:
                    Supplemented = true;
                    break;
                case CounterNoticeReceivedKind:
                    CounterNoticed = true;
                    break;
                case ContentRestoredKind:
                    Restored = true;
                    break;
                case EvidencePreservedKind:
                    EvidencePreserved++;
                    break;
                case DisclosedToAuthority:
                    Disclosures++;
                    break;
                case PersonalDataErasedKind:
                    ErasedAt ??= leaf.ServerTime;
                    break;
                case ErasureRefusedKind:
                    RefusedAt.Add(leaf.ServerTime);
                    break;
            }

            if (leaf.Facts is not { } facts)
            {
                return;
            }

            foreach (var stage in facts.Stages.Where(s => s.State is "breached" or "breached-early"))
            {
                // The sla-breached step names the breach when the deadline passed first; else the late step itself.
                BreachRecordedBy.TryAdd(stage.Stage, leaf.EventId);
            }

            Channel = facts.Channel ?? Channel;
            if (facts.LegalHold is { } hold)
            {
                HoldChanges.Add((leaf.ServerTime, hold));
            }

            Facts = facts;
        }

        public LeafStage? Stage(string id) => Facts?.Stages.FirstOrDefault(s => s.Stage == id);

        public long? AcknowledgeSeconds() =>
            ReceivedAt is { } received && Stage("acknowledge")?.CompletedAt is { } done
                ? (long)Math.Floor((done - received).TotalSeconds)
                : null;
    }
}
