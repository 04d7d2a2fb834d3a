namespace TakedownFn.Domain.Dsa;

/// <summary>
/// The enumerations of a statement of reasons as the EU Transparency Database accepts them (its
/// <c>Statement</c> model and <c>StatementStoreRequest</c> rules, schema in force since 1 July 2025).
/// Values are the database's own keys, sent as they are.
/// </summary>
public static class StatementValues
{
    public const string VisibilityRemoved = "DECISION_VISIBILITY_CONTENT_REMOVED";
    public const string VisibilityDisabled = "DECISION_VISIBILITY_CONTENT_DISABLED";
    public const string VisibilityLabelled = "DECISION_VISIBILITY_CONTENT_LABELLED";
    public const string VisibilityOther = "DECISION_VISIBILITY_OTHER";
    public const string MonetaryOther = "DECISION_MONETARY_OTHER";
    public const string ProvisionPartialSuspension = "DECISION_PROVISION_PARTIAL_SUSPENSION";
    public const string AccountSuspended = "DECISION_ACCOUNT_SUSPENDED";
    public const string GroundIllegal = "DECISION_GROUND_ILLEGAL_CONTENT";
    public const string GroundIncompatible = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
    public const string ContentTypeOther = "CONTENT_TYPE_OTHER";
    public const string SourceArticle16 = "SOURCE_ARTICLE_16";
    public const string SourceTrustedFlagger = "SOURCE_TRUSTED_FLAGGER";
    public const string SourceOtherNotification = "SOURCE_TYPE_OTHER_NOTIFICATION";
    public const string SourceVoluntary = "SOURCE_VOLUNTARY";
    public const string Yes = "Yes";
    public const string No = "No";

    public static IReadOnlyList<string> DecisionVisibilities { get; } =
    [
        VisibilityRemoved, VisibilityDisabled, "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED", VisibilityLabelled, VisibilityOther,
    ];

    public static IReadOnlyList<string> DecisionMonetaries { get; } = ["DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", MonetaryOther];

    public static IReadOnlyList<string> DecisionProvisions { get; } =
    [
        ProvisionPartialSuspension, "DECISION_PROVISION_TOTAL_SUSPENSION", "DECISION_PROVISION_PARTIAL_TERMINATION", "DECISION_PROVISION_TOTAL_TERMINATION",
    ];

    public static IReadOnlyList<string> DecisionAccounts { get; } = [AccountSuspended, "DECISION_ACCOUNT_TERMINATED"];

    public static IReadOnlyList<string> AccountTypes { get; } = ["ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"];

    public static IReadOnlyList<string> DecisionGrounds { get; } = [GroundIllegal, GroundIncompatible];

    public static IReadOnlyList<string> ContentTypes { get; } =
    [
        "CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA",
        "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO", ContentTypeOther,
    ];

    public static IReadOnlyList<string> SourceTypes { get; } = [SourceArticle16, SourceTrustedFlagger, SourceOtherNotification, SourceVoluntary];

    public static IReadOnlyList<string> AutomatedDetections { get; } = [Yes, No];

    public static IReadOnlyList<string> AutomatedDecisions { get; } =
        ["AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"];

    /// <summary><c>incompatible_content_illegal</c>: the same Yes/No as automated detection.</summary>
    public static IReadOnlyList<string> IncompatibleContentIllegals { get; } = [Yes, No];

    /// <summary>
    /// <c>territorial_scope</c>: ISO 3166-1 alpha-2 codes of the EU and EEA (the database's
    /// <c>EuropeanCountriesService::EUROPEAN_COUNTRY_CODES</c>; Greece is <c>GR</c>, not <c>EL</c>).
    /// </summary>
    public static IReadOnlyList<string> TerritorialScopes { get; } =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU",
        "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    /// <summary><c>content_language</c>: ISO 639-1 codes in upper case (the database's <c>EuropeanLanguagesService::ALL_LANGUAGES</c>).</summary>
    public static IReadOnlyList<string> ContentLanguages { get; } =
    [
        "AB", "AA", "AF", "AK", "SQ", "AM", "AR", "AN", "HY", "AS", "AV", "AE", "AY", "AZ", "BM", "BA", "EU", "BE", "BN", "BH",
        "BI", "BS", "BR", "BG", "MY", "CA", "KM", "CH", "CE", "NY", "ZH", "CU", "CV", "KW", "CO", "CR", "HR", "CS", "DA", "DV",
        "NL", "DZ", "EN", "EO", "ET", "EE", "FO", "FJ", "FI", "FR", "FF", "GD", "GL", "LG", "KA", "DE", "KI", "EL", "KL", "GN",
        "GU", "HT", "HA", "HE", "HZ", "HI", "HO", "HU", "IS", "IO", "IG", "ID", "IA", "IE", "IU", "IK", "GA", "IT", "JA", "JV",
        "KN", "KR", "KS", "KK", "RW", "KV", "KG", "KO", "KJ", "KU", "KY", "LO", "LA", "LV", "LB", "LI", "LN", "LT", "LU", "MK",
        "MG", "MS", "ML", "MT", "GV", "MI", "MR", "MH", "RO", "MN", "NA", "NV", "ND", "NG", "NE", "SE", "NO", "NB", "NN", "II",
        "OC", "OJ", "OR", "OM", "OS", "PI", "PA", "PS", "FA", "PL", "PT", "QU", "RM", "RN", "RU", "SM", "SG", "SA", "SC", "SR",
        "SN", "SD", "SI", "SK", "SL", "SO", "ST", "NR", "ES", "SU", "SW", "SS", "SV", "TL", "TY", "TG", "TA", "TT", "TE", "TH",
        "BO", "TI", "TO", "TS", "TN", "TR", "TK", "TW", "UG", "UK", "UR", "UZ", "VE", "VI", "VO", "WA", "CY", "FY", "WO", "XH",
        "YI", "YO", "ZA", "ZU",
    ];
}
