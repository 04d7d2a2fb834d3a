using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Severity;

/// <summary>
/// Weighs the qualitative factors the paper behind this project names: sensitivity of the
/// information, how far it spread, harm to the victim and the discloser's malice.
/// </summary>
/// <remarks>
/// <para>Every reason adds its weight to a score; the score gives the level:
/// 0–2 <c>low</c>, 3–5 <c>medium</c>, 6–8 <c>high</c>, 9 and more <c>critical</c>.</para>
/// <para>Sensitivity (the category and every <see cref="SeverityInputs.ExposedData"/> kind, each once):
/// id-number, home-address, phone, medical, private-messages and intimate imagery 3; photos 2;
/// bank-card and passport 2 (detected only); other-personal-info, privacy, email and licence-plate 1; two or more of the weight-3 kinds together add
/// <c>sensitive:combined</c> 2 (identity plus whereabouts is what lets a mob find a person).</para>
/// <para>Spread, the highest step of each measure only: items ≥10 1, ≥50 2, ≥200 3; platforms ≥2 1, ≥5 2;
/// reposts ≥100 1, ≥1,000 2, ≥10,000 3.</para>
/// <para>Harm: harassment, job-loss, financial-loss 2; threats, offline-contact, self-harm-risk 3.
/// Malice: doxxing-intent, incitement, commercial-sale, coordinated-campaign 2; repeat-offender 1.</para>
/// <para>Floors override the score: threats and offline-contact make it at least <c>high</c>;
/// self-harm-risk and csam make it <c>critical</c>.</para>
/// </remarks>
public static partial class SeverityAssessor
{
    /// <summary>Assesses a notice. Pure and deterministic: the same notice always gives the same result.</summary>
    /// <param name="notice">The notice.</param>
    /// <param name="detected">
    /// Kinds personal-information detection found in the items (<see cref="Detection.PersonalDataKinds"/>);
    /// each weighs as if reported, once, under the reason <c>detected:{kind}</c> unless it was also reported.
    /// </param>
    public static SeverityAssessment Assess(Notice notice, IEnumerable<string>? detected = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var reasons = new List<(string Code, int Weight)>();
        var floor = SeverityLevel.Low;

        AddSensitivity(notice, detected ?? [], reasons, ref floor);
        AddSpread(notice, reasons);
        foreach (var harm in notice.Severity.Harms.Distinct().OrderBy(h => h.ToId(), StringComparer.Ordinal))
        {
            reasons.Add(("harm:" + harm.ToId(), HarmWeight(harm)));
            floor = Max(floor, HarmFloor(harm));
        }

        foreach (var sign in notice.Severity.MaliceSigns.Distinct().OrderBy(s => s.ToId(), StringComparer.Ordinal))
        {
            reasons.Add(("malice:" + sign.ToId(), MaliceWeight(sign)));
        }

        var score = reasons.Sum(r => r.Weight);
        var level = Max(LevelFor(score), floor);
        return new SeverityAssessment(level, score, reasons.Select(r => r.Code).ToArray());
    }

    private static SeverityLevel LevelFor(int score) => score switch
    {
        >= CriticalFrom => SeverityLevel.Critical,
        >= HighFrom => SeverityLevel.High,
        >= MediumFrom => SeverityLevel.Medium,
        _ => SeverityLevel.Low,
    };

    private static SeverityLevel Max(SeverityLevel a, SeverityLevel b) => a > b ? a : b;

    private static void AddSensitivity(Notice notice, IEnumerable<string> detected, List<(string Code, int Weight)> reasons, ref SeverityLevel floor)
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var kind in notice.Severity.ExposedData.Prepend(notice.Category))
        {
            // Intimate imagery has a category id per regime; weigh it once under one reason.
            kinds.Add(kind == Categories.IntimateImage ? Categories.IntimateImagery : kind);
        }

        var detectedOnly = new SortedSet<string>(detected.Where(k => !kinds.Contains(k)), StringComparer.Ordinal);
        var highlySensitive = 0;
        foreach (var kind in detectedOnly)
        {
            var weight = SensitivityWeight(kind);
            if (weight > 0)
            {
                reasons.Add(("detected:" + kind, weight));
            }

            if (weight == HighlySensitiveWeight)
            {
                highlySensitive++;
            }
        }

        foreach (var kind in kinds)
        {
            var weight = SensitivityWeight(kind);
            if (kind == Categories.Csam)
            {
                floor = SeverityLevel.Critical;
                reasons.Add(("sensitive:" + kind, 0));
            }
            else if (weight > 0)
            {
                reasons.Add(("sensitive:" + kind, weight));
            }

            if (weight == HighlySensitiveWeight)
            {
                highlySensitive++;
            }
        }

        if (highlySensitive >= 2)
        {
            reasons.Add(("sensitive:combined", CombinedWeight));
        }
    }

    private static void AddSpread(Notice notice, List<(string Code, int Weight)> reasons)
    {
        AddHighestStep(reasons, "items", notice.Items.Count, ItemSteps);
        AddHighestStep(reasons, "platforms", notice.Severity.PlatformCount ?? 0, PlatformSteps);
        AddHighestStep(reasons, "reposts", notice.Severity.RepostCount ?? 0, RepostSteps);
    }

    private static void AddHighestStep(List<(string Code, int Weight)> reasons, string measure, int value, (int Threshold, int Weight)[] steps)
    {
        foreach (var (threshold, weight) in steps.OrderByDescending(s => s.Threshold))
        {
            if (value >= threshold)
            {
                reasons.Add(($"spread:{measure}>={threshold}", weight));
                return;
            }
        }
    }
}
