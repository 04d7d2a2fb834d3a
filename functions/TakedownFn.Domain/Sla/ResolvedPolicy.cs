using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// The policy a case was judged under, as a plain value the case stores: which pack version and
/// tenant override version, and the rule for every timed stage. Re-judging a case (a report, an
/// audit) uses this stored value, never the newest pack, so changing a pack later cannot change
/// how an old case was judged.
/// </summary>
/// <param name="PackId">The pack's id.</param>
/// <param name="PackVersion">The pack's version.</param>
/// <param name="TenantId">The tenant whose override applied, if any.</param>
/// <param name="TenantOverrideVersion">That override's version, if any.</param>
/// <param name="Regime">The notice's regime.</param>
/// <param name="Category">The notice's category.</param>
/// <param name="Severity">The assessed severity.</param>
/// <param name="JudgedAt">The instant the pack was chosen for (the notice's receipt, on the service's clock).</param>
/// <param name="Rules">One rule per stage the pack times for this notice.</param>
public sealed record ResolvedPolicy(
    string PackId,
    int PackVersion,
    string? TenantId,
    int? TenantOverrideVersion,
    string Regime,
    string Category,
    SeverityLevel Severity,
    DateTimeOffset JudgedAt,
    IReadOnlyList<ResolvedRule> Rules)
{
    /// <summary>The rule timing <paramref name="stage"/>, or <see langword="null"/> if the pack does not time it for this notice.</summary>
    public ResolvedRule? For(SlaStage stage) => Rules.FirstOrDefault(r => r.Stage == stage);
}

/// <summary>One stage's rule as it applies to a case, after the tenant's override.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="ClockStart">What starts its clock.</param>
/// <param name="Length">Time allowed (for preservation: retention required), after the tenant override.</param>
/// <param name="Calendar">The calendar id that counts it.</param>
/// <param name="Statutory">Whether the pack's length is the law's.</param>
/// <param name="Basis">The provision.</param>
/// <param name="Minimum">A window's lower bound, if any.</param>
/// <param name="PackRuleKey">The pack rule that matched, e.g. <c>us-dmca/*/*/counter-notice-restoration</c>.</param>
/// <param name="PackLength">The pack's length when the tenant changed it; otherwise <see langword="null"/>.</param>
public sealed record ResolvedRule(
    SlaStage Stage,
    ClockStart ClockStart,
    SlaLength Length,
    string Calendar,
    bool Statutory,
    string? Basis,
    PolicyMinimum? Minimum,
    string PackRuleKey,
    SlaLength? PackLength);
