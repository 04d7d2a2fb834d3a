using System.Collections.Immutable;

namespace TakedownFn.Ledger.Leaves;

/// <summary>
/// What the ledger records about one case event: identifiers, type, server time, the policy
/// version that judged it, and commitments (see <see cref="Commitment"/>) to the personal or
/// confidential fields. No raw personal data: only ids, times, types and hex commitments. Its
/// leaf bytes are the RFC 8785 canonical JSON of <see cref="ToCanonicalBytes"/>.
/// </summary>
public sealed partial record LedgerLeaf
{
    /// <summary>Version of the leaf document layout, written into every leaf.</summary>
    public const int CurrentVersion = 1;

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

    public bool Equals(LedgerLeaf? other) =>
        other is not null
        && EventId == other.EventId
        && CaseId == other.CaseId
        && EventType == other.EventType
        && ServerTime == other.ServerTime
        && PolicyVersion == other.PolicyVersion
        && Commitments.Count == other.Commitments.Count
        && Commitments.All(c => other.Commitments.TryGetValue(c.Key, out var value) && value == c.Value);

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
