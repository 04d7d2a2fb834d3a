namespace TakedownFn.Storage.Incidents;

/// <summary>
/// Incident rows, in the tenant's partition of the cases table beside its cases (see
/// <see cref="Cases.CaseKeys"/>), so an incident and its index rows change in one transaction.
/// Keys hold ids and commitments only.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>i|{incidentId}</c></term><description>the incident (cases, counts, commitments, severity)</description></item>
/// <item><term><c>v|{commitment}</c></term><description>a victim value (ID number, phone, account): the incident it belongs to</description></item>
/// <item><term><c>j|{caseId}</c></term><description>the case was linked (its incident, or none): written last, so a redelivery knows</description></item>
/// <item><term><c>a|{commitment}</c></term><description>an uploader account with its valid doxxing notices (repeat disclosers)</description></item>
/// </list>
/// </remarks>
public static class IncidentKeys
{
    public static string Incident(string incidentId) => $"i|{incidentId}";

    public const string IncidentsFrom = "i|";
    public const string IncidentsTo = "i}";

    public static string VictimKey(string commitment) => $"v|{commitment}";

    public static string CaseLink(string caseId) => $"j|{caseId}";

    public static string Discloser(string commitment) => $"a|{commitment}";

    public const string DisclosersFrom = "a|";
    public const string DisclosersTo = "a}";

    /// <summary>True for strings shaped like incident ids (checked before a key is built from a URL).</summary>
    public static bool IsIncidentId(string? value) => value is { Length: 23 } && value[0] == 'i' && Cases.CaseKeys.IsCaseId(value[1..]);
}
