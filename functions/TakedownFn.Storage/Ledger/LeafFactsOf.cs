using TakedownFn.Domain;
using TakedownFn.Domain.Sla;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// The facts a version 2 leaf states, taken from the case row written in the same transaction as
/// the step: so the deadlines a leaf binds are the ones the service held at that moment.
/// </summary>
public static class LeafFactsOf
{
    /// <summary>The facts of <paramref name="updated"/> once <paramref name="step"/> is recorded.</summary>
    public static LeafFacts From(CaseRecord updated, CaseEventRecord step)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(step);
        var stages = updated.Deadlines
            .Select(d => new LeafStage(d.Stage, d.DueAt, d.State ?? "open", d.CompletedAt))
            .ToList();
        var completes = updated.Deadlines
            .Where(d => d.CompletedAt == step.RecordedAt && Completes(step.Kind, d.Stage))
            .Select(d => d.Stage)
            .ToList();
        return new LeafFacts(updated.Regime, updated.Category, updated.Severity, updated.Validation, updated.State, stages, completes)
        {
            Channel = updated.Channel,
            LegalHold = step.Kind == EvidencePreserved ? LegalHoldOf(step.Details) : null,
        };
    }

    private static readonly string EvidencePreserved = Domain.Cases.StepKind.EvidencePreserved.ToId();

    /// <summary>The step's <c>evidence.legalHold</c> flag (false when absent), so the statement counts holds in force from leaves alone.</summary>
    private static bool LegalHoldOf(string details)
    {
        using var document = System.Text.Json.JsonDocument.Parse(details);
        return document.RootElement.TryGetProperty("evidence", out var evidence)
            && evidence.ValueKind == System.Text.Json.JsonValueKind.Object
            && evidence.TryGetProperty("legalHold", out var hold)
            && hold.ValueKind == System.Text.Json.JsonValueKind.True;
    }

    private static bool Completes(string kind, string stage) =>
        WireIds.TryParse(kind, out Domain.Cases.StepKind k)
        && SlaWireIds.TryParse(stage, out SlaStage s)
        && StepSlaEffects.StepsCompleting(s).Contains(k);
}
