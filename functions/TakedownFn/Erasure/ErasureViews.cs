using TakedownFn.Storage.Cases;

namespace TakedownFn.Erasure;

/// <summary>The body of <c>POST /api/cases/{id}/erasure</c>.</summary>
/// <param name="LegalBasis">One of <see cref="Domain.Retention.LegalBases.Requestable"/>.</param>
internal sealed record ErasureRequest(string? LegalBasis);

/// <summary>That, when, why and by whom a case's personal data was erased (the case view's <c>erasure</c>).</summary>
internal sealed record ErasureView(DateTimeOffset At, string Reason, string By, string LegalBasis, string StepId)
{
    public static ErasureView? From(CaseErasure? erasure) =>
        erasure is null ? null : new ErasureView(erasure.At, erasure.Reason, erasure.By, erasure.LegalBasis, erasure.StepId);
}

/// <summary>What was erased and from where (field names and places, never values).</summary>
internal sealed record ErasedView(IReadOnlyList<string> Fields, IReadOnlyList<string> From);

/// <summary>The answer to an erasure: the case, the erasure, what went and what stays.</summary>
internal sealed record ErasureAnswer(string CaseId, ErasureView Erasure, ErasedView Erased, IReadOnlyList<string> Kept)
{
    /// <summary>What erasure leaves, on purpose.</summary>
    public static readonly IReadOnlyList<string> KeptRecords =
    [
        "the notice's non-personal residue (regime, category, notifier role, severity inputs, declarations, topic, platform reference, receipt time, item markers)",
        "the case's state, deadlines and steps",
        "the ledger's leaves: ids, times, kinds, facts and HMAC commitments (the log stays verifiable)",
        "personal-information detection's kinds, positions and commitments",
    ];

    public static ErasureAnswer From(string caseId, CaseErasure erasure) =>
        new(caseId, ErasureView.From(erasure)!, new ErasedView(erasure.Fields, CaseErasures.ErasedFrom), KeptRecords);
}

/// <summary>When retention ends and, if a legal hold is on, that erasure is deferred by it.</summary>
/// <param name="EndsAt">The end of the policy's retention period for the case.</param>
/// <param name="DeferredBy">The hold in force (its step and when it was set), or null.</param>
internal sealed record RetentionView(DateTimeOffset EndsAt, Domain.Retention.LegalHold? DeferredBy)
{
    /// <summary>True when retention ended and a hold keeps the data.</summary>
    public bool Deferred { get; init; }

    public static RetentionView Of(CaseRecord record, IReadOnlyList<CaseEventRecord> events, DateTimeOffset now)
    {
        var hold = Domain.Retention.LegalHold.Current(events.Select(e => (e.EventId, e.Kind, e.RecordedAt, e.Details)));
        var endsAt = RetentionSweep.EndsAt(record);
        return new RetentionView(endsAt, hold) { Deferred = hold is not null && endsAt <= now };
    }
}
