using TakedownFn.Domain.Detection;

namespace TakedownFn.PersonalData;

/// <summary>What detection found in a case's notice: kinds with counts, and each finding's item, position and commitment.</summary>
internal sealed record PersonalDataView(IReadOnlyDictionary<string, int> Kinds, IReadOnlyList<FindingRecord> Findings, bool Truncated)
{
    public static PersonalDataView? From(DetectionSummary? summary) =>
        summary is null ? null : new PersonalDataView(summary.Kinds, summary.Findings, summary.Truncated);
}
