using TakedownFn.Domain.Cases;

namespace TakedownFn.Cases;

/// <summary>Which steps only the service records (a platform reporting them is refused).</summary>
internal static class CaseSteps
{
    public static bool IsServiceOnly(StepKind kind) =>
        kind is StepKind.Received or StepKind.Validated or StepKind.Incomplete or StepKind.Triaged or StepKind.ProcessingFailed
            or StepKind.SlaWarning or StepKind.SlaBreached or StepKind.DeadlineRecomputed or StepKind.IncidentSurge
            or StepKind.PersonalDataErased or StepKind.ErasureRefused or StepKind.PersonalDataDisclosed;
}
