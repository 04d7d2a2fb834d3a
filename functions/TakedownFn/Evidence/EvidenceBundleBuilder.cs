using System.Text.Json;
using TakedownFn.Cases;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Evidence;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Sla;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Evidence;

/// <summary>A step's place in the log: its stored leaf and audit path to the bundle's checkpoint.</summary>
internal sealed record ProvenLeaf(long Index, byte[] Leaf, byte[] Hash, IReadOnlyList<byte[]> Proof);

/// <summary>
/// Assembles a case's evidence bundle from what is stored. Pure: the stages come from
/// <see cref="CaseView"/>, the code the case view answers with, judged at the bundle's instant.
/// </summary>
internal static class EvidenceBundleBuilder
{
    private static readonly HashSet<string> NotificationKinds = Ids(StepKind.NotifierInformed, StepKind.StatementOfReasonsSent, StepKind.NoticeForwardedToUploader);

    private static readonly HashSet<string> CounterNoticeKinds = Ids(StepKind.CounterNoticeReceived, StepKind.CounterNoticeForwardedToNotifier, StepKind.ContentRestored, StepKind.LawsuitNotified);

    /// <param name="record">The case row.</param>
    /// <param name="events">Its steps.</param>
    /// <param name="leaves">Each step's leaf and proof, by event id.</param>
    /// <param name="checkpoint">The signed checkpoint note, its size and root, the proofs are against.</param>
    /// <param name="origin">The tenant's log origin.</param>
    /// <param name="keysPem">The published verification keys.</param>
    /// <param name="tenantSecret">The tenant's commitment secret, from which each step's details salt is derived.</param>
    /// <param name="now">The instant the bundle judges open stages at.</param>
    /// <param name="warningFraction">The SLA warning fraction in force.</param>
    /// <param name="calendars">Business-day calendars.</param>
    public static EvidenceBundle Build(
        CaseRecord record,
        IReadOnlyList<CaseEventRecord> events,
        IReadOnlyDictionary<string, ProvenLeaf> leaves,
        BundleCheckpoint checkpoint,
        string origin,
        string keysPem,
        ReadOnlySpan<byte> tenantSecret,
        DateTimeOffset now,
        double warningFraction,
        CalendarCatalog calendars)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var plan = record.Policy is { } policy ? CaseSla.Plan(policy, Sla.SlaFacts.From(ordered), calendars, new FixedTime(now), warningFraction) : null;
        var view = CaseView.From(record, ordered, now, plan);
        var steps = new List<BundleStep>(ordered.Count);
        foreach (var e in ordered)
        {
            var proven = leaves[e.EventId];
            using var details = JsonDocument.Parse(e.Details);
            steps.Add(new BundleStep(
                e.Sequence, e.EventId, e.Kind, e.RecordedAt, e.OccurredAt, e.Actor, e.CorrectsStepId, details.RootElement.Clone(),
                DetailsDigest.Salt(tenantSecret, e.EventId),
                new BundleLeaf(proven.Index, Convert.ToBase64String(proven.Leaf), Convert.ToHexStringLower(proven.Hash), [.. proven.Proof.Select(Convert.ToHexStringLower)])));
        }

        var received = ordered.FirstOrDefault(e => e.Kind == StepKind.Received.ToId());
        string? noticeCommitment = received is not null && leaves.TryGetValue(received.EventId, out var receivedLeaf)
            ? LedgerLeaf.FromCanonicalBytes(receivedLeaf.Leaf).Commitments.GetValueOrDefault("notice")
            : null;
        return new EvidenceBundle
        {
            GeneratedAt = now,
            Origin = origin,
            Case = new BundleCase(
                record.CaseId, record.Regime, record.Category, record.State, record.Severity, record.SeverityReasons,
                record.ReceivedAt, record.AcceptedAt, record.StepCount, record.ItemCount, noticeCommitment),
            Validation = new BundleValidation(record.Validation, [.. record.MissingElements.Select(m => new BundleMissingElement(m, LegalCompleteness.Citation(record.Regime, m)))]),
            Policy = record.Policy is { } p ? new BundlePolicy(record.PolicyId ?? p.PackId, p, warningFraction) : null,
            Stages = [.. view.Deadlines.Select(Stage)],
            Steps = steps,
            Preservation = [.. ordered.Where(e => e.Kind == StepKind.EvidencePreserved.ToId()).Select(Preservation)],
            Notifications = [.. ordered.Where(e => NotificationKinds.Contains(e.Kind)).Select(e => new BundleStepRef(e.EventId, e.Kind, e.RecordedAt))],
            CounterNotices = [.. ordered.Where(e => CounterNoticeKinds.Contains(e.Kind)).Select(e => new BundleStepRef(e.EventId, e.Kind, e.RecordedAt))],
            Checkpoint = checkpoint,
            VerificationKeysPem = keysPem,
        };
    }

    private static BundleStage Stage(DeadlineView d) => new(
        d.Stage, d.Status, d.DueAt, d.CompletedAt, d.CompletedBy, d.Margin, d.Statutory, d.Basis, d.Rule, d.Length, d.ClockStart,
        [.. (d.Clock ?? []).Select(c => new BundleClockEvent(c.Kind, c.At, c.Reason))],
        [.. (d.Pauses ?? []).Select(p => new BundlePause(p.From, p.To))])
    {
        Reason = d.Reason,
    };

    private static BundlePreservation Preservation(CaseEventRecord e)
    {
        using var details = JsonDocument.Parse(e.Details);
        var evidence = details.RootElement.TryGetProperty("evidence", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
        string? Text(string name) => evidence.ValueKind == JsonValueKind.Object && evidence.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var hold = evidence.ValueKind == JsonValueKind.Object && evidence.TryGetProperty("legalHold", out var h) && h.ValueKind == JsonValueKind.True;
        return new BundlePreservation(e.EventId, e.RecordedAt, Text("contentHash"), Text("snapshotLocation"), Text("retentionPeriod"), hold);
    }

    private static HashSet<string> Ids(params StepKind[] kinds) => kinds.Select(k => k.ToId()).ToHashSet(StringComparer.Ordinal);
}
