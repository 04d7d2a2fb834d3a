namespace TakedownFn.Domain.Dsa;

/// <summary>
/// The EU Transparency Database's statement categories (<c>category</c>, <c>category_addition</c>),
/// as the database's <c>Statement::STATEMENT_CATEGORIES</c> lists them in the schema in force since
/// 1 July 2025. That change removed <c>NON_CONSENSUAL_BEHAVIOUR</c> and
/// <c>PORNOGRAPHY_OR_SEXUALIZED_CONTENT</c> and renamed <c>SCOPE_OF_PLATFORM_SERVICE</c> to
/// <see cref="OtherViolationTc"/>; the same categories head the notice rows of the transparency
/// report template of Implementing Regulation (EU) 2024/2835.
/// </summary>
public static class DsaStatementCategories
{
    public const string AnimalWelfare = "STATEMENT_CATEGORY_ANIMAL_WELFARE";
    public const string ConsumerInformation = "STATEMENT_CATEGORY_CONSUMER_INFORMATION";
    public const string CyberViolence = "STATEMENT_CATEGORY_CYBER_VIOLENCE";
    public const string CyberViolenceAgainstWomen = "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN";
    public const string DataProtectionAndPrivacyViolations = "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS";
    public const string IllegalOrHarmfulSpeech = "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH";
    public const string IntellectualPropertyInfringements = "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS";
    public const string NegativeEffectsOnCivicDiscourseOrElections = "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS";

    /// <summary>"Type of alleged illegal content not specified by the notifier".</summary>
    public const string NotSpecifiedNotice = "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";

    public const string OtherViolationTc = "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";
    public const string ProtectionOfMinors = "STATEMENT_CATEGORY_PROTECTION_OF_MINORS";
    public const string RiskForPublicSecurity = "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY";
    public const string ScamsAndFraud = "STATEMENT_CATEGORY_SCAMS_AND_FRAUD";
    public const string SelfHarm = "STATEMENT_CATEGORY_SELF_HARM";
    public const string UnsafeAndProhibitedProducts = "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS";
    public const string Violence = "STATEMENT_CATEGORY_VIOLENCE";

    /// <summary>Every value the database accepts, in its own (alphabetical) order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AnimalWelfare, ConsumerInformation, CyberViolence, CyberViolenceAgainstWomen,
        DataProtectionAndPrivacyViolations, IllegalOrHarmfulSpeech, IntellectualPropertyInfringements,
        NegativeEffectsOnCivicDiscourseOrElections, NotSpecifiedNotice, OtherViolationTc,
        ProtectionOfMinors, RiskForPublicSecurity, ScamsAndFraud, SelfHarm,
        UnsafeAndProhibitedProducts, Violence,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether the database accepts <paramref name="value"/> as a category (exact, ordinal).</summary>
    public static bool IsValid(string? value) => value is not null && Known.Contains(value);
}
