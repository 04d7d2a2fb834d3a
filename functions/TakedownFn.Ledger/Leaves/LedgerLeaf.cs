using System.Collections.Immutable;

namespace TakedownFn.Ledger.Leaves;

/// <summary>
/// What the ledger records about one case event: identifiers, type, server time, the policy
/// version that judged it, and commitments (see <see cref="Commitment"/>) to the personal or
/// confidential fields. No raw personal data: only ids, times, types and hex commitments. Its
/// leaf bytes are the RFC 8785 canonical JSON of <see cref="ToCanonicalBytes"/>.
/// Version 2 (a leaf with a <see cref="DetailsDigest"/>) also binds the step's details as a
/// digest an evidence bundle can open, and states the case's facts (<see cref="Facts"/>) in clear;
/// version 1 leaves stay readable and verifiable.
/// </summary>
public sealed partial record LedgerLeaf
{
    /// <summary>The first layout: ids, kind, time, policy and commitments.</summary>
    public const int Version1 = 1;

    /// <summary>The layout written now: version 1 plus the details digest and the case's facts.</summary>
    public const int CurrentVersion = 2;

    public LedgerLeaf(string eventId, string caseId, string eventType, DateTimeOffset serverTime, string policyVersion, IReadOnlyDictionary<string, string> commitments)
    {
        EventId = RequireText(eventId, nameof(eventId));
        CaseId = RequireText(caseId, nameof(caseId));
        EventType = RequireText(eventType, nameof(eventType));
        PolicyVersion = RequireText(policyVersion, nameof(policyVersion));
        ServerTime = serverTime.ToUniversalTime();
        ArgumentNullException.ThrowIfNull(commitments);
        foreach (var (field, commitment) in commitments)
        {
            RequireText(field, nameof(commitments));
            if (!Commitment.IsWellFormed(commitment))
            {
                // The one place raw personal data could slip in is a commitment's value.
                throw new ArgumentException($"commitment for \"{field}\" is not {Commitment.HexLength} lower-case hex digits", nameof(commitments));
            }
        }

        Commitments = commitments.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>The event's deterministic id.</summary>
    public string EventId { get; }

    /// <summary>The case the event belongs to.</summary>
    public string CaseId { get; }

    /// <summary>What happened, e.g. "notice.received" or "content.removed".</summary>
    public string EventType { get; }

    /// <summary>The service's clock when the event was recorded, in UTC.</summary>
    public DateTimeOffset ServerTime { get; }

    /// <summary>Version of the SLA/validation policy applied.</summary>
    public string PolicyVersion { get; }

    /// <summary>Field name → HMAC commitment (hex), ordered by field name.</summary>
    public ImmutableSortedDictionary<string, string> Commitments { get; }

    /// <summary>The step's details as a <see cref="Leaves.DetailsDigest"/> (version 2); null in version 1 leaves.</summary>
    public string? DetailsDigest
    {
        get => detailsDigest;
        init => detailsDigest = value is null || Commitment.IsWellFormed(value)
            ? value
            : throw new ArgumentException($"details digest is not {Commitment.HexLength} lower-case hex digits", nameof(value));
    }

    /// <summary>The case's facts once the step was recorded (version 2; null when the step was queued before they were kept).</summary>
    public LeafFacts? Facts { get; init; }

    /// <summary>The layout this leaf is written in: 2 when it has a details digest, else 1.</summary>
    public int Version => DetailsDigest is null ? Version1 : CurrentVersion;

    private readonly string? detailsDigest;

    public bool Equals(LedgerLeaf? other) =>
        other is not null
        && EventId == other.EventId
        && CaseId == other.CaseId
        && EventType == other.EventType
        && ServerTime == other.ServerTime
        && PolicyVersion == other.PolicyVersion
        && Commitments.Count == other.Commitments.Count
        && Commitments.All(c => other.Commitments.TryGetValue(c.Key, out var value) && value == c.Value)
        && DetailsDigest == other.DetailsDigest
        && Equals(Facts, other.Facts);

    public override int GetHashCode() => HashCode.Combine(EventId, CaseId, EventType, ServerTime, PolicyVersion, Commitments.Count);

    private static string RequireText(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length == 0)
        {
            throw new ArgumentException($"{name} must not be empty", name);
        }

        return value;
    }
}
