namespace TakedownFn.Domain.Sla;

/// <summary>
/// Stable kebab-case ids for the SLA enums as they appear in policy packs, tenant overrides and
/// storage (<see cref="SlaStage.CounterNoticeRestoration"/> is <c>counter-notice-restoration</c>).
/// </summary>
public static class SlaWireIds
{
    public static string ToId(this SlaStage value) => KebabIds<SlaStage>.ToId(value);

    public static string ToId(this ClockStart value) => KebabIds<ClockStart>.ToId(value);

    public static string ToId(this DurationUnit value) => KebabIds<DurationUnit>.ToId(value);

    public static string ToId(this SlaTimerKind value) => KebabIds<SlaTimerKind>.ToId(value);

    /// <summary>
    /// A stage state as the case view, bundles and leaves write it: kebab-case, except
    /// <see cref="StageState.Running"/>, which is <c>open</c> for continuity with older cases.
    /// </summary>
    public static string ToId(this StageState value) => value == StageState.Running ? "open" : KebabIds<StageState>.ToId(value);

    public static bool TryParse(string? id, out SlaTimerKind value) => KebabIds<SlaTimerKind>.TryParse(id, out value);

    public static bool TryParse(string? id, out SlaStage value) => KebabIds<SlaStage>.TryParse(id, out value);

    public static bool TryParse(string? id, out ClockStart value) => KebabIds<ClockStart>.TryParse(id, out value);

    public static bool TryParse(string? id, out DurationUnit value) => KebabIds<DurationUnit>.TryParse(id, out value);
}
