namespace TakedownFn.Domain.Incidents;

/// <summary>
/// An uploader account (as a commitment) and the valid doxxing notices against its posts. With
/// <see cref="Threshold"/> or more it is flagged, so the platform can show it closed or restricted
/// the accounts that doxx (CAC notice, May 2025), and the same record serves a DMCA 512(i)
/// repeat-infringer policy. Three is the usual "strikes" count; the statutes fix none.
/// </summary>
/// <param name="Uploader">The commitment to the account id under the tenant's secret.</param>
/// <param name="Cases">The valid notices' case ids, oldest first (at most <see cref="Incident.MaxListed"/>).</param>
/// <param name="FlaggedAt">When it reached the threshold (the acceptance of the case that did).</param>
public sealed record RepeatDiscloser(string Uploader, IReadOnlyList<string> Cases, DateTimeOffset? FlaggedAt)
{
    public const int Threshold = 3;

    public bool Flagged => FlaggedAt is not null;

    /// <summary>With one more valid notice; the same case twice counts once.</summary>
    public RepeatDiscloser With(string caseId, DateTimeOffset acceptedAt)
    {
        if (Cases.Contains(caseId, StringComparer.Ordinal))
        {
            return this;
        }

        var cases = Cases.Count < Incident.MaxListed ? [.. Cases, caseId] : Cases;
        return this with { Cases = cases, FlaggedAt = FlaggedAt ?? (cases.Count >= Threshold ? acceptedAt : null) };
    }
}
