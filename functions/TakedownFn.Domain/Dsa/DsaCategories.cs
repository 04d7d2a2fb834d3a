using System.Diagnostics.CodeAnalysis;
using TakedownFn.Domain.Notices;
using K = TakedownFn.Domain.Dsa.DsaKeywords;
using S = TakedownFn.Domain.Dsa.DsaStatementCategories;

namespace TakedownFn.Domain.Dsa;

/// <summary>
/// The documented mapping from our (regime, category) to the EU Transparency Database's statement
/// category and category specification keywords, used by the statements of reasons (Art. 17, 24(5)
/// DSA) and by the transparency report's per-category notice rows (Art. 15(1)(b), Implementing
/// Regulation (EU) 2024/2835). Every category of every regime in <see cref="Regimes.All"/> has
/// exactly one row, so a report never meets an unmapped case.
/// </summary>
/// <remarks>
/// Rules followed: the category names the kind of alleged illegality the notice reports, not the
/// statute it was filed under; a keyword is given only where our category pins it down (the
/// database's keywords are optional); the database has no doxxing keyword, so the disclosure of
/// someone's personal information without their consent maps to data protection with
/// <see cref="DsaKeywords.MissingProcessingGround"/> (publication without a lawful processing
/// ground, GDPR Art. 6 and 9) rather than to the cyber-violence keywords (harassment, stalking),
/// which describe what the disclosure enables, not the content reported.
/// </remarks>
public static class DsaCategories
{
    private const string Doxxing =
        "Doxxing: someone's personal information published without their consent. The database has no doxxing keyword; " +
        "the closest is publication without a lawful processing ground (GDPR Art. 6, Art. 9 for medical data), not the " +
        "cyber-violence keywords, which name the harassment the disclosure enables rather than the content.";

    /// <summary>Every mapping row, in the order of <see cref="Regimes.All"/> and each regime's categories.</summary>
    public static IReadOnlyList<DsaCategoryMapping> All { get; } =
    [
        .. PersonalInfo(Categories.IdNumber, Categories.HomeAddress, Categories.Phone, Categories.Medical,
            Categories.PrivateMessages, Categories.Photos, Categories.OtherPersonalInfo),

        new(Regimes.CnCopyright, Categories.Copyright, S.IntellectualPropertyInfringements, [K.CopyrightInfringement],
            "Right of network dissemination of a work (Regulations Art. 14): a copyright infringement."),

        new(Regimes.CnCivilCode1195, Categories.PersonalRights, S.DataProtectionAndPrivacyViolations, [],
            "Civil Code Art. 1195 personal rights are personality rights (Art. 990: name, portrait, privacy, personal " +
            "information …); on an online platform such notices are in practice about privacy and personal information. " +
            "Which right is not recorded, so no keyword."),
        new(Regimes.CnCivilCode1195, Categories.Ip, S.IntellectualPropertyInfringements, [],
            "Intellectual property; the kind (copyright, trademark, patent …) is not recorded, so no keyword."),
        new(Regimes.CnCivilCode1195, Categories.Reputation, S.IllegalOrHarmfulSpeech, [K.Defamation],
            "Infringement of reputation (Civil Code Art. 1024): defamation."),

        new(Regimes.UsDmca, Categories.Copyright, S.IntellectualPropertyInfringements, [K.CopyrightInfringement],
            "17 USC 512(c)(3): a claimed copyright infringement."),

        new(Regimes.EuDsa16, Categories.IllegalContent, S.NotSpecifiedNotice, [],
            "The notifier names no type of illegality: the database's own category for exactly that " +
            "(\"type of alleged illegal content not specified by the notifier\")."),
        new(Regimes.EuDsa16, Categories.Privacy, S.DataProtectionAndPrivacyViolations, [K.MissingProcessingGround],
            "Privacy notices are how doxxing arrives under the DSA. " + Doxxing),
        new(Regimes.EuDsa16, Categories.CyberViolence, S.CyberViolence, [],
            "The database's category of the same name; which form (harassment, stalking, bullying …) is not recorded, so no keyword."),
        new(Regimes.EuDsa16, Categories.Ip, S.IntellectualPropertyInfringements, [],
            "Intellectual property; the kind is not recorded, so no keyword."),
        new(Regimes.EuDsa16, Categories.Csam, S.ProtectionOfMinors, [K.ChildSexualAbuseMaterial],
            "Child sexual abuse material."),
        new(Regimes.EuDsa16, Categories.HateSpeech, S.IllegalOrHarmfulSpeech, [K.HateSpeech],
            "Illegal incitement to violence or hatred based on protected characteristics."),
        new(Regimes.EuDsa16, Categories.TerroristContent, S.RiskForPublicSecurity, [K.TerroristContent],
            "Terrorist content (Regulation (EU) 2021/784)."),
        new(Regimes.EuDsa16, Categories.Fraud, S.ScamsAndFraud, [],
            "Scams and fraud; the kind (phishing, pyramid scheme …) is not recorded, so no keyword."),

        new(Regimes.DeNetzDg, Categories.ManifestlyUnlawful, S.IllegalOrHarmfulSpeech, [],
            "NetzDG §1(3) covers criminal offences that are almost all offences of speech (insult, defamation, incitement, " +
            "threats, StGB §§ 130, 185–187, 241); which one is not recorded, so no keyword."),
        new(Regimes.DeNetzDg, Categories.Unlawful, S.IllegalOrHarmfulSpeech, [],
            "As manifestly unlawful: NetzDG §1(3) offences are offences of speech; §3(2) only sets a longer deadline."),

        new(Regimes.InItRules, Categories.IntimateImagery, S.CyberViolence, [K.NonConsensualImageSharing],
            "IT Rules 3(2)(b): content exposing a person's private area, nudity or sexual acts, shared without consent."),
        new(Regimes.InItRules, Categories.Impersonation, S.CyberViolence, [K.ImpersonationAccountHijacking],
            "IT Rules 3(2)(b) impersonation (including morphed images) is a complaint by the person impersonated, " +
            "a harm to that person, hence cyber violence; the keyword names the act."),
        new(Regimes.InItRules, Categories.Other, S.NotSpecifiedNotice, [],
            "A grievance of no stated type: the database's category for a notice that does not specify the illegality."),

        new(Regimes.AuOsa, Categories.IntimateImage, S.CyberViolence, [K.NonConsensualImageSharing],
            "Online Safety Act s77: an intimate image posted without consent."),
        new(Regimes.AuOsa, Categories.CyberAbuse, S.CyberViolence, [K.CyberHarassment],
            "Online Safety Act s88: cyber-abuse material targeting an adult (menacing, harassing or offensive)."),
    ];

    private static readonly Dictionary<(string Regime, string Category), DsaCategoryMapping> ByPair =
        All.ToDictionary(m => (m.Regime, m.Category));

    /// <summary>The mapping of a (regime, category) pair; false when the pair is not one of <see cref="Regimes.All"/>.</summary>
    public static bool TryGet(string? regime, string? category, [NotNullWhen(true)] out DsaCategoryMapping? mapping)
    {
        mapping = null;
        return regime is not null && category is not null && ByPair.TryGetValue((regime, category), out mapping);
    }

    /// <summary>The mapping of a (regime, category) pair that a stored case carries.</summary>
    /// <exception cref="ArgumentException">The pair is not one of <see cref="Regimes.All"/>.</exception>
    public static DsaCategoryMapping For(string regime, string category) =>
        TryGet(regime, category, out var mapping)
            ? mapping
            : throw new ArgumentException($"'{regime}'/'{category}' is not a category of a known regime", nameof(category));

    private static IEnumerable<DsaCategoryMapping> PersonalInfo(params string[] categories) =>
        categories.Select(c => new DsaCategoryMapping(
            Regimes.CnPersonalInfo, c, S.DataProtectionAndPrivacyViolations, [K.MissingProcessingGround], Doxxing));
}
