using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>Reads the SLA-relevant facts out of stored steps (their kind, server time and a few details).</summary>
internal static class SlaFacts
{
    public static IReadOnlyList<SlaStepFact> From(IEnumerable<CaseEventRecord> events) =>
        events.OrderBy(e => e.Sequence).Select(From).OfType<SlaStepFact>().ToList();

    /// <summary>The fact of one step; null for a kind this version does not know.</summary>
    public static SlaStepFact? From(CaseEventRecord e) => SlaStepFacts.Read(e.Kind, e.RecordedAt, e.Details);
}
