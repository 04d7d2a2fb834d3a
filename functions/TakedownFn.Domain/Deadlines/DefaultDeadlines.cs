using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Deadlines;

/// <summary>
/// The stage deadlines a case gets until the SLA engine's versioned policy packs replace them:
/// one fixed table per regime (see shared POLICY-FACTS). Where a law names no number the value is a
/// platform target and marked so.
/// </summary>
public static class DefaultDeadlines
{
    /// <summary>The id recorded with each case judged under this table.</summary>
    public const string PolicyId = "default-deadlines/1";

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The stage rules for a notice's regime, category and assessed severity.</summary>
    public static IReadOnlyList<StageRule> For(string regime, string category, SeverityLevel severity) => regime switch
    {
        // CAC notice (May 2025): "zero tolerance", no hours fixed. 1 h for highly sensitive data.
        Regimes.CnPersonalInfo => [Target(Stage.Acknowledge, Hour, "CAC notice, May 2025"),
            Target(Stage.Act, severity >= SeverityLevel.High ? Hour : Day, "CAC notice, May 2025: zero tolerance")],
        // Regulations on the Right to Network Dissemination Art. 15: delete "immediately".
        Regimes.CnCopyright => [Target(Stage.Acknowledge, Day, "Art. 15"), Target(Stage.Act, Day, "Art. 15: immediately")],
        // Civil Code Art. 1195: forward and take necessary measures "in time".
        Regimes.CnCivilCode1195 => [Target(Stage.Acknowledge, Day, "Civil Code Art. 1195"), Target(Stage.Act, 2 * Day, "Civil Code Art. 1195: in time")],
        // 17 USC 512(c)(1)(C): "expeditiously".
        Regimes.UsDmca => [Target(Stage.Acknowledge, Day, "17 USC 512(c)"), Target(Stage.Act, Day, "17 USC 512(c)(1)(C): expeditiously")],
        // DSA Art. 16(4)-(6): confirm receipt and decide in a timely manner.
        Regimes.EuDsa16 => [Target(Stage.Acknowledge, Day, "DSA Art. 16(4)"),
            Target(Stage.Act, category is Categories.Csam or Categories.TerroristContent ? Hour : 3 * Day, "DSA Art. 16(6): timely")],
        // NetzDG §3(2) Nr. 2 and 3: 24 hours for manifestly unlawful content, 7 days otherwise.
        Regimes.DeNetzDg => [Target(Stage.Acknowledge, Day, "NetzDG §3(2) Nr. 1"),
            category == Categories.ManifestlyUnlawful ? Law(Stage.Act, Day, "NetzDG §3(2) Nr. 2") : Law(Stage.Act, 7 * Day, "NetzDG §3(2) Nr. 3")],
        // IT Rules 2021 Rule 3(2): acknowledge in 24 h, dispose in 15 days; 24 h for intimate imagery and impersonation.
        Regimes.InItRules => [Law(Stage.Acknowledge, Day, "IT Rules 2021 Rule 3(2)(a)(i)"),
            category is Categories.IntimateImagery or Categories.Impersonation
                ? Law(Stage.Act, Day, "IT Rules 2021 Rule 3(2)(b)")
                : Law(Stage.Act, 15 * Day, "IT Rules 2021 Rule 3(2)(a)(i)")],
        // Online Safety Act 2021 s77 and s88: 24 hours.
        Regimes.AuOsa => [Target(Stage.Acknowledge, Day, "Online Safety Act 2021"), Law(Stage.Act, Day, category == Categories.IntimateImage ? "Online Safety Act 2021 s77" : "Online Safety Act 2021 s88")],
        _ => throw new ArgumentOutOfRangeException(nameof(regime), "Unknown regime."),
    };

    private static StageRule Law(Stage stage, TimeSpan within, string basis) => new(stage, within, Statutory: true, basis);

    private static StageRule Target(Stage stage, TimeSpan within, string basis) => new(stage, within, Statutory: false, basis);
}
