using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Incidents;

/// <summary>
/// Every notice about the same victim: notices whose detected values share a commitment (the same
/// ID number, phone or victim account) belong to one incident. Holds ids, counts and commitments,
/// never a value. Its id is its first case's id with an <c>i</c> in front, so redelivery of that
/// case's message builds the same incident.
/// </summary>
/// <param name="IncidentId"><c>i</c> + the first case's id.</param>
/// <param name="FirstSeen">The earliest acceptance among its cases.</param>
/// <param name="LastSeen">The latest acceptance among its cases.</param>
/// <param name="Cases">Its case ids, oldest first, at most <see cref="MaxListed"/>.</param>
/// <param name="CaseCount">How many cases, also past the list's limit.</param>
/// <param name="Items">Items reported across its cases.</param>
/// <param name="Reposts">Reposts reported across its cases.</param>
/// <param name="Reporters">Distinct notifier commitments, at most <see cref="MaxListed"/>.</param>
/// <param name="Uploaders">Distinct uploader commitments, at most <see cref="MaxListed"/>.</param>
/// <param name="Keys">The victim commitments that joined its cases.</param>
/// <param name="CaseSeverity">The highest severity among its cases.</param>
/// <param name="MergedInto">When a later notice showed two incidents are one victim: the incident this one became part of.</param>
public sealed record Incident(
    string IncidentId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Cases,
    int CaseCount,
    int Items,
    int Reposts,
    IReadOnlyList<string> Reporters,
    IReadOnlyList<string> Uploaders,
    IReadOnlyList<string> Keys,
    SeverityLevel CaseSeverity,
    string? MergedInto = null)
{
    /// <summary>Keeps an incident row's lists within Table storage's 64 KiB per property.</summary>
    public const int MaxListed = 300;

    /// <summary>The incident id a case starts.</summary>
    public static string IdFor(string caseId) => "i" + caseId;

    /// <summary>A new incident of one case.</summary>
    public static Incident Start(IncidentCase first, IEnumerable<string> keys) =>
        new Incident(IdFor(first.CaseId), first.AcceptedAt, first.AcceptedAt, [], 0, 0, 0, [], [], [], SeverityLevel.Low).Add(first, keys);

    /// <summary>Whether <paramref name="caseId"/> is listed (a redelivery adds nothing).</summary>
    public bool Holds(string caseId) => Cases.Contains(caseId, StringComparer.Ordinal);

    /// <summary>This incident with one more case and the keys it brought.</summary>
    public Incident Add(IncidentCase c, IEnumerable<string> keys) => Holds(c.CaseId) ? this : this with
    {
        FirstSeen = c.AcceptedAt < FirstSeen ? c.AcceptedAt : FirstSeen,
        LastSeen = c.AcceptedAt > LastSeen ? c.AcceptedAt : LastSeen,
        Cases = Union(Cases, [c.CaseId]),
        CaseCount = CaseCount + 1,
        Items = Items + c.Items,
        Reposts = Reposts + c.Reposts,
        Reporters = c.Reporter is null ? Reporters : Union(Reporters, [c.Reporter]),
        Uploaders = Union(Uploaders, c.Uploaders),
        Keys = Union(Keys, keys),
        CaseSeverity = c.Severity > CaseSeverity ? c.Severity : CaseSeverity,
    };

    /// <summary>This incident with everything of <paramref name="other"/>, which is the same victim.</summary>
    public Incident Absorb(Incident other) => this with
    {
        FirstSeen = other.FirstSeen < FirstSeen ? other.FirstSeen : FirstSeen,
        LastSeen = other.LastSeen > LastSeen ? other.LastSeen : LastSeen,
        Cases = Union(Cases, other.Cases),
        CaseCount = CaseCount + other.CaseCount,
        Items = Items + other.Items,
        Reposts = Reposts + other.Reposts,
        Reporters = Union(Reporters, other.Reporters),
        Uploaders = Union(Uploaders, other.Uploaders),
        Keys = Union(Keys, other.Keys),
        CaseSeverity = other.CaseSeverity > CaseSeverity ? other.CaseSeverity : CaseSeverity,
    };

    /// <summary>The incident's severity: see <see cref="IncidentSeverity"/>.</summary>
    public SeverityAssessment Severity => IncidentSeverity.Assess(this);

    private static string[] Union(IReadOnlyList<string> a, IEnumerable<string> b) =>
        [.. a.Concat(b.Where(x => !a.Contains(x, StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Take(MaxListed)];
}
