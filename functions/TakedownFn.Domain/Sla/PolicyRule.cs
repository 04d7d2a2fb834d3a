using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// One row of a policy pack: for a regime × category × severity, how long a stage may take, what
/// starts its clock, which calendar counts it, and whether the number is the law's.
/// </summary>
/// <param name="Regime">A regime id (<see cref="Notices.Regimes"/>).</param>
/// <param name="Category">A category id the regime allows, or <see cref="Any"/>.</param>
/// <param name="Severity">A severity, or <see langword="null"/> for any.</param>
/// <param name="Stage">The stage timed.</param>
/// <param name="ClockStart">The event that starts the clock.</param>
/// <param name="Length">
/// Time allowed (the deadline). For <see cref="SlaStage.Preservation"/>, the retention the evidence
/// must reach instead.
/// </param>
/// <param name="Calendar">The <see cref="BusinessCalendar"/> id whose zone and business days count the length.</param>
/// <param name="Statutory">True when the law fixes <paramref name="Length"/>; false when it is the platform's own target.</param>
/// <param name="Basis">The provision the rule serves; always present when <paramref name="Statutory"/>.</param>
/// <param name="Minimum">The earliest the stage may complete (a restoration window's lower bound), if any.</param>
/// <param name="Exposing">
/// Kinds of personal information (category ids, reported or detected kinds) of which the notice must
/// expose at least one for the rule to match; <see langword="null"/> for any notice. Such a rule
/// outranks every rule without it: it says "whatever the other factors".
/// </param>
public sealed record PolicyRule(
    string Regime,
    string Category,
    SeverityLevel? Severity,
    SlaStage Stage,
    ClockStart ClockStart,
    SlaLength Length,
    string Calendar,
    bool Statutory,
    string? Basis,
    PolicyMinimum? Minimum = null,
    IReadOnlyList<string>? Exposing = null)
{
    /// <summary>Matches every category.</summary>
    public const string Any = "*";

    /// <summary>The rule's identity in its pack, e.g. <c>us-dmca/*/*/act</c>.</summary>
    public string Key => $"{Regime}/{Category}/{Severity?.ToId() ?? Any}/{Stage.ToId()}" + (Exposing is null ? string.Empty : "/exposing");

    /// <summary>
    /// Higher is more specific. An exact category outranks an exact severity: the category names
    /// the legal provision (NetzDG §3(2) Nr. 2 vs Nr. 3), severity only grades within it.
    /// </summary>
    internal int Specificity => (Exposing is null ? 0 : 4) + (Category == Any ? 0 : 2) + (Severity is null ? 0 : 1);

    internal bool Matches(string regime, string category, SeverityLevel severity, IReadOnlyCollection<string>? exposed = null) =>
        string.Equals(Regime, regime, StringComparison.Ordinal)
        && (Category == Any || string.Equals(Category, category, StringComparison.Ordinal))
        && (Severity is null || Severity == severity)
        && (Exposing is null || (exposed is not null && Exposing.Any(k => exposed.Contains(k) || string.Equals(k, category, StringComparison.Ordinal))));
}

/// <summary>The lower bound of a window: the stage must not complete before this length has passed.</summary>
/// <param name="Length">Length from the clock start; same unit as the rule's deadline.</param>
/// <param name="Statutory">True when the law fixes it (17 USC 512(g)(2)(C): not less than 10 business days).</param>
/// <param name="Basis">Why completing earlier is wrong.</param>
public sealed record PolicyMinimum(SlaLength Length, bool Statutory, string Basis);
