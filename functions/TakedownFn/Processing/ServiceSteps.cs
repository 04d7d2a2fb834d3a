using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Processing;

/// <summary>Steps the service records on its own (actor <c>service</c>), appended after the case's last step.</summary>
internal static class ServiceSteps
{
    /// <summary>The case's next step of <paramref name="kind"/>, with the given id and details (JSON).</summary>
    public static CaseEventRecord Next(CaseRecord current, StepKind kind, string eventId, DateTimeOffset now, string details) => new()
    {
        EventId = eventId,
        CaseId = current.CaseId,
        Sequence = current.StepCount + 1,
        Kind = kind.ToId(),
        RecordedAt = now,
        Details = details,
        Actor = Triage.ServiceActor,
    };
}
