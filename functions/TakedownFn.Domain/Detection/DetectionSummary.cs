namespace TakedownFn.Domain.Detection;

/// <summary>
/// What detection found in a notice, as the case keeps it: kinds, counts and positions, and keyed
/// commitments in place of every value. Holds no personal data, so it may sit on the case row.
/// </summary>
/// <param name="Kinds">How often each kind was found (detected or flagged), by kind id.</param>
/// <param name="Findings">Each finding, in item then position order, at most <see cref="MaxFindings"/>.</param>
/// <param name="Truncated">True when there were more findings than are kept (the counts still hold them all).</param>
/// <param name="Uploaders">Per item, the commitment to its uploader account, or null.</param>
/// <param name="VictimAccount">The commitment to the victim's account, if the notice names one.</param>
/// <param name="Reporter">The commitment to the notifier (e-mail, else phone, else name), if any.</param>
public sealed record DetectionSummary(
    IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyList<FindingRecord> Findings,
    bool Truncated,
    IReadOnlyList<string?> Uploaders,
    string? VictimAccount,
    string? Reporter)
{
    /// <summary>Keeps the case row well under Table storage's 64 KiB per string property.</summary>
    public const int MaxFindings = 150;

    /// <summary>The commitments that identify the victim: an incident is every notice sharing one of them.</summary>
    public IEnumerable<string> VictimKeys() =>
        Findings.Where(f => f.Commitment is not null && IncidentKinds.Contains(f.Kind, StringComparer.Ordinal)).Select(f => f.Commitment!)
            .Concat(VictimAccount is null ? [] : [VictimAccount])
            .Distinct(StringComparer.Ordinal);

    /// <summary>Values that name one person: the same ID number or phone in two posts means the same victim.</summary>
    public static IReadOnlyList<string> IncidentKinds { get; } = [PersonalDataKinds.IdNumber, PersonalDataKinds.Phone];
}

/// <summary>One finding as stored: where, what kind, and the commitment to its normalised value (null for markers).</summary>
/// <param name="Kind">The kind id.</param>
/// <param name="Item">The item's index in the notice.</param>
/// <param name="Start">UTF-16 offset in the item's excerpt; null when the platform flagged the whole item.</param>
/// <param name="Length">UTF-16 length; null when flagged.</param>
/// <param name="Commitment">HMAC commitment under the tenant's secret to the normalised value; null for markers.</param>
public sealed record FindingRecord(string Kind, int Item, int? Start, int? Length, string? Commitment);
