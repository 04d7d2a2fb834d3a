using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Evidence;
using TakedownFn.Domain.Sla;
using TakedownFn.Ledger;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Verifier.Bundles;

internal static partial class BundleVerifier
{
    /// <summary>
    /// Each stage's deadline against the one bound with the last step, and its completing step
    /// against the leaf that recorded completing it. Met/breached and the margin follow from these
    /// bound times in <see cref="Recompute"/>.
    /// </summary>
    private static void CheckStages(EvidenceBundle bundle, List<LedgerLeaf> leaves)
    {
        var facts = LastFacts(leaves);
        foreach (var stage in bundle.Stages)
        {
            var name = $"stages[{stage.Stage}]";
            if (facts is not null && stage.DueAt is { } due)
            {
                var bound = facts.Stages.FirstOrDefault(s => s.Stage == stage.Stage)
                    ?? throw new LedgerVerificationException($"{name}.dueAt is stated but the last step's leaf binds no deadline for {stage.Stage}");
                if (bound.DueAt != due)
                {
                    throw new LedgerVerificationException($"{name}.dueAt {due:O} differs from the deadline the last step's leaf binds ({bound.DueAt:O})");
                }
            }

            if (stage.CompletedBy is not { } by)
            {
                continue;
            }

            int i = bundle.Steps.ToList().FindIndex(s => s.EventId == by);
            if (i < 0)
            {
                throw new LedgerVerificationException($"{name}.completedBy names {by}, which is not a step of the bundle");
            }

            if (leaves[i].Facts is { } completing && !completing.Completes.Contains(stage.Stage, StringComparer.Ordinal))
            {
                throw new LedgerVerificationException($"{name}.completedBy names steps[{i}], whose leaf does not record completing {stage.Stage}");
            }

            if (stage.CompletedAt != leaves[i].ServerTime)
            {
                throw new LedgerVerificationException($"{name}.completedAt {stage.CompletedAt:O} differs from the time steps[{i}]'s leaf records ({leaves[i].ServerTime:O})");
            }
        }
    }

    /// <summary>
    /// Recomputes every stage from the bundle's policy rules, the shipped calendars and the steps'
    /// bound times with the domain library the service uses, judged at the bundle's instant, and
    /// returns how many stages agree; the first difference is thrown.
    /// </summary>
    private static int Recompute(EvidenceBundle bundle)
    {
        if (bundle.Policy is not { } policy)
        {
            return 0;
        }

        var facts = bundle.Steps.Select(s => SlaStepFacts.Read(s.Kind, s.RecordedAt, s.Details.GetRawText())).OfType<SlaStepFact>().ToList();
        CaseSlaPlan plan;
        try
        {
            plan = CaseSla.Plan(policy.Resolved, facts, CalendarCatalog.Shipped, new FixedTime(bundle.GeneratedAt), policy.WarningFraction);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or ArgumentException or InvalidOperationException)
        {
            throw new LedgerVerificationException($"policy.resolved cannot be applied: {ex.Message}", ex);
        }
        foreach (var status in plan.Stages)
        {
            var id = status.Stage.ToId();
            var name = $"stages[{id}]";
            var stated = bundle.Stages.FirstOrDefault(s => s.Stage == id)
                ?? throw new LedgerVerificationException($"{name} is missing: the policy times it");
            if (stated.DueAt != status.Deadline)
            {
                throw new LedgerVerificationException($"{name}.dueAt {stated.DueAt:O} differs from the deadline recomputed from the policy rule and calendar ({status.Deadline:O})");
            }

            Expect(stated.Status, status.State.ToId(), $"{name}.status \"{stated.Status}\" differs from the recomputed \"{status.State.ToId()}\" (judged at generatedAt {bundle.GeneratedAt:O})");
            if (stated.Reason != status.Reason)
            {
                throw new LedgerVerificationException($"{name}.reason \"{stated.Reason}\" differs from the recomputed \"{status.Reason}\" (the step that ended the stage)");
            }

            if (stated.CompletedAt != status.CompletedAt)
            {
                throw new LedgerVerificationException($"{name}.completedAt {stated.CompletedAt:O} differs from the recomputed {status.CompletedAt:O}");
            }

            if (stated.Margin != status.Margin)
            {
                throw new LedgerVerificationException($"{name}.margin {stated.Margin} differs from the recomputed {status.Margin} (judged at generatedAt {bundle.GeneratedAt:O})");
            }
        }

        if (bundle.Stages.Count != plan.Stages.Count)
        {
            throw new LedgerVerificationException($"stages lists {bundle.Stages.Count} stages, the policy times {plan.Stages.Count}");
        }

        return plan.Stages.Count;
    }

    /// <summary>Preservation records, notifications and counter-notices: each the step it names, none left out.</summary>
    private static void CheckRecords(EvidenceBundle bundle)
    {
        var preserved = bundle.Steps.Where(s => s.Kind == StepKind.EvidencePreserved.ToId()).ToList();
        if (preserved.Count != bundle.Preservation.Count)
        {
            throw new LedgerVerificationException($"preservation lists {bundle.Preservation.Count} records, the steps hold {preserved.Count}");
        }

        for (int i = 0; i < preserved.Count; i++)
        {
            var record = bundle.Preservation[i];
            var evidence = preserved[i].Details.TryGetProperty("evidence", out var e) ? e : default;
            string? Text(string field) => evidence.ValueKind == JsonValueKind.Object && evidence.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var hold = evidence.ValueKind == JsonValueKind.Object && evidence.TryGetProperty("legalHold", out var h) && h.ValueKind == JsonValueKind.True;
            if (record.EventId != preserved[i].EventId || record.RecordedAt != preserved[i].RecordedAt || record.ContentHash != Text("contentHash")
                || record.SnapshotLocation != Text("snapshotLocation") || record.RetentionPeriod != Text("retentionPeriod") || record.LegalHold != hold)
            {
                throw new LedgerVerificationException($"preservation[{i}] differs from the evidence-preserved step it stands for ({preserved[i].EventId})");
            }
        }

        CheckRefs("notifications", bundle.Notifications, bundle, [StepKind.NotifierInformed, StepKind.StatementOfReasonsSent, StepKind.NoticeForwardedToUploader]);
        CheckRefs("counterNotices", bundle.CounterNotices, bundle, [StepKind.CounterNoticeReceived, StepKind.CounterNoticeForwardedToNotifier, StepKind.ContentRestored, StepKind.LawsuitNotified]);
    }

    private static void CheckRefs(string member, IReadOnlyList<BundleStepRef> refs, EvidenceBundle bundle, StepKind[] kinds)
    {
        var ids = kinds.Select(k => k.ToId()).ToHashSet(StringComparer.Ordinal);
        var steps = bundle.Steps.Where(s => ids.Contains(s.Kind)).ToList();
        if (steps.Count != refs.Count)
        {
            throw new LedgerVerificationException($"{member} lists {refs.Count} steps, the bundle holds {steps.Count}");
        }

        for (int i = 0; i < steps.Count; i++)
        {
            if (refs[i].EventId != steps[i].EventId || refs[i].Kind != steps[i].Kind || refs[i].RecordedAt != steps[i].RecordedAt)
            {
                throw new LedgerVerificationException($"{member}[{i}] differs from the step it stands for ({steps[i].EventId})");
            }
        }
    }
}
