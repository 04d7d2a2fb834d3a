using System.Text.Json;
using TakedownFn.Domain.Cases;

namespace TakedownFn.Domain.Retention;

/// <summary>
/// A legal hold on a case: set by an <c>evidence-preserved</c> step with <c>evidence.legalHold: true</c>,
/// released by a later <c>evidence-preserved</c> step with <c>evidence.legalHold: false</c> (or left out:
/// every preservation record states whether a hold is on, and the platform's latest one decides). No new
/// step kind: a release is a preservation record too. While a hold is on, personal data is neither
/// erased on request nor at the end of retention (PIPL Art. 47: where a legal retention period has not
/// ended, stop processing but keep storing; GDPR Art. 17(3)(e): legal claims).
/// </summary>
/// <param name="StepId">The step that set the hold.</param>
/// <param name="SetAt">When it was recorded (server time).</param>
public sealed record LegalHold(string StepId, DateTimeOffset SetAt)
{
    private static readonly string EvidencePreserved = StepKind.EvidencePreserved.ToId();

    /// <summary>The hold in force after the steps (in recorded order), or null.</summary>
    public static LegalHold? Current(IEnumerable<(string EventId, string Kind, DateTimeOffset RecordedAt, string Details)> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        LegalHold? hold = null;
        foreach (var (eventId, kind, recordedAt, details) in steps)
        {
            if (kind == EvidencePreserved)
            {
                // A hold kept on by a later record is still the one set first.
                hold = HoldFlag(details) ? hold ?? new LegalHold(eventId, recordedAt) : null;
            }
        }

        return hold;
    }

    private static bool HoldFlag(string details)
    {
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("evidence", out var evidence)
                   && evidence.ValueKind == JsonValueKind.Object
                   && evidence.TryGetProperty("legalHold", out var flag)
                   && flag.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
