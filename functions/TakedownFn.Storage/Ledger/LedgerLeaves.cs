using System.Globalization;
using System.Text;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Turns a recorded event into its ledger leaf. Ids, kind, server time and policy go in as they
/// are; everything that may hold personal or confidential text (the step's details, the notice
/// itself, who acted, what the platform claims and when) only as an HMAC commitment under the
/// tenant's secret. Leaves are written in version 2: the details also as a salted digest
/// (<see cref="DetailsDigest"/>) and the case's facts in clear (<see cref="LeafFacts"/>).
/// </summary>
public static class LedgerLeaves
{
    /// <summary>The policy version written when the case had none yet (steps before triage).</summary>
    public const string NoPolicy = "none";

    public const string ReceivedKind = "received";

    public static LedgerLeaf From(PendingLeaf pending, ReadOnlySpan<byte> tenantSecret, byte[]? notice)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var e = pending.Event;
        var commitments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["details"] = Commitment.Compute(tenantSecret, "details", e.Details),
            ["actor"] = Commitment.Compute(tenantSecret, "actor", e.Actor),
            ["sequence"] = Commitment.Compute(tenantSecret, "sequence", e.Sequence.ToString(CultureInfo.InvariantCulture)),
        };
        if (e.OccurredAt is { } occurred)
        {
            commitments["occurredAt"] = Commitment.Compute(tenantSecret, "occurredAt", occurred.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        if (e.CorrectsStepId is { } corrected)
        {
            commitments["correctsStepId"] = Commitment.Compute(tenantSecret, "correctsStepId", corrected);
        }

        if (notice is not null)
        {
            commitments["notice"] = Commitment.Compute(tenantSecret, "notice", Encoding.UTF8.GetString(notice));
        }

        // Version 2: the details also as a digest a bundle can open, and the case's facts in clear.
        return new LedgerLeaf(e.EventId, e.CaseId, e.Kind, e.RecordedAt, pending.PolicyId ?? NoPolicy, commitments)
        {
            DetailsDigest = DetailsDigest.Compute(DetailsDigest.Salt(tenantSecret, e.EventId), e.Details),
            Facts = pending.Facts is { } facts ? ParseFacts(facts) : null,
        };
    }

    private static LeafFacts ParseFacts(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return LeafFacts.FromJson(document.RootElement);
    }
}
