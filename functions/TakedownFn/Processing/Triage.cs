using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Processing;

/// <summary>
/// Decides what processing a received notice records: <c>validated</c> or <c>incomplete</c> (with
/// the missing elements), then <c>triaged</c> with the severity and its reasons, and the policy the
/// case is judged under (pack version and tenant override version, resolved for the notice's
/// receipt). Pure: the same case and notice always give the same steps and event ids, so a
/// redelivered message can only write what the first delivery wrote. The stage deadlines follow
/// from the stored policy and the steps (<see cref="Sla.CaseSlaState"/>).
/// </summary>
internal static class Triage
{
    public const string ServiceActor = "service";

    /// <param name="received">The case as accepted (or as it stands when judged again after a retry).</param>
    /// <param name="notice">The notice as stored.</param>
    /// <param name="now">The service's clock.</param>
    /// <param name="catalog">The policy packs.</param>
    /// <param name="tenantOverride">The tenant's override in force now, if any.</param>
    public static (CaseRecord Updated, IReadOnlyList<CaseEventRecord> Steps) Decide(
        CaseRecord received, Notice notice, DateTimeOffset now, PolicyCatalog catalog, TenantOverride? tenantOverride)
    {
        var completeness = LegalCompleteness.Check(notice);
        var detected = received.PersonalData?.Kinds.Keys ?? [];
        var severity = SeverityAssessor.Assess(notice, detected);
        var missing = completeness is CompletenessResult.Incomplete incomplete ? incomplete.Missing.Select(m => m.Element).ToList() : [];
        var valid = missing.Count == 0;

        // Judged once, under the pack in force at receipt: a case judged again keeps its policy.
        // An incomplete notice gets the same policy; its "incomplete" step pauses the clocks that
        // need a complete notice (StepSlaEffects), so it starts no removal deadline.
        var policy = received.Policy ?? catalog.Resolve(
            notice.Regime, notice.Category, severity.Level, received.AcceptedAt, tenantOverride, [notice.Category, .. notice.Severity.ExposedData, .. detected]);

        var validation = valid ? StepKind.Validated : StepKind.Incomplete;
        var steps = new List<CaseEventRecord>
        {
            Step(received, received.StepCount + 1, validation, now, valid ? new { } : new { missingElements = missing }),
            Step(received, received.StepCount + 2, StepKind.Triaged, now, received.PersonalData is { } found
                ? new { severity = severity.Level.ToId(), score = severity.Score, reasons = severity.Reasons, detected = found.Kinds }
                : (object)new { severity = severity.Level.ToId(), score = severity.Score, reasons = severity.Reasons }),
        };
        var updated = received with
        {
            State = CaseState.Triaged.ToId(),
            Validation = valid ? "valid" : "incomplete",
            MissingElements = missing,
            Severity = severity.Level.ToId(),
            SeverityReasons = severity.Reasons.ToList(),
            PolicyId = PolicyIdOf(policy),
            Policy = policy,
            StepCount = received.StepCount + steps.Count,
        };
        return (updated, steps);
    }

    /// <summary>
    /// The <c>validated</c> step the service records with a platform's <c>notice-supplemented</c>, which
    /// <paramref name="supplemented"/> already counts. The notice is not judged again: the stored notice
    /// still lacks what the notifier supplied, and the case keeps its policy, severity and state.
    /// </summary>
    /// <exception cref="InvalidOperationException">The case's state or notice does not take a <c>validated</c> step.</exception>
    public static (CaseRecord Updated, CaseEventRecord Step) Supplemented(CaseRecord supplemented, DateTimeOffset now)
    {
        var decision = WireIds.TryParse(supplemented.State, out CaseState state) && WireIds.TryParse(supplemented.Validation, out NoticeValidity notice)
            ? CaseStateMachine.Decide(state, notice, StepKind.Validated)
            : null;
        if (decision is not TransitionResult.Allowed allowed)
        {
            throw new InvalidOperationException($"Case {supplemented.CaseId} cannot be validated in state {supplemented.State}.");
        }

        var sequence = supplemented.StepCount + 1;
        return (supplemented with { State = allowed.NewState.ToId(), Validation = allowed.Notice.ToId(), MissingElements = [], StepCount = sequence },
                Step(supplemented, sequence, StepKind.Validated, now, new { }));
    }

    /// <summary>The step recorded when a notice could not be processed after every retry.</summary>
    public static (CaseRecord Updated, CaseEventRecord Step) Failed(CaseRecord received, DateTimeOffset now, string errorCode) =>
        (received with { State = CaseState.ProcessingFailed.ToId(), StepCount = received.StepCount + 1 },
         Step(received, received.StepCount + 1, StepKind.ProcessingFailed, now, new { errorCode }));

    /// <summary>The policy's short name for lists and ledger rows: <c>takedownfn-default/1</c>, plus <c>+tenant/2</c> with an override.</summary>
    public static string PolicyIdOf(ResolvedPolicy policy) =>
        $"{policy.PackId}/{policy.PackVersion}" + (policy.TenantOverrideVersion is { } v ? $"+tenant/{v}" : string.Empty);

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
