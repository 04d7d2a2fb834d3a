namespace TakedownFn.Domain.Dsa;

/// <summary>
/// The EU Transparency Database's category specification keywords (<c>category_specification</c>),
/// as the database's <c>Statement::KEYWORDS</c> lists them in the schema in force since 1 July 2025.
/// The database checks each keyword against this list only, not against the statement's category.
/// There is no keyword for doxxing; see <see cref="DsaCategories"/> for the closest ones.
/// </summary>
public static class DsaKeywords
{
    public const string AdultSexualMaterial = "KEYWORD_ADULT_SEXUAL_MATERIAL";
    public const string AgeSpecificRestrictions = "KEYWORD_AGE_SPECIFIC_RESTRICTIONS";
    public const string AgeSpecificRestrictionsMinors = "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS";
    public const string AnimalHarm = "KEYWORD_ANIMAL_HARM";
    public const string BiometricDataBreach = "KEYWORD_BIOMETRIC_DATA_BREACH";
    public const string BullyingAgainstGirls = "KEYWORD_BULLYING_AGAINST_GIRLS";
    public const string ChildSexualAbuseMaterial = "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL";
    public const string ChildSexualAbuseMaterialDeepfake = "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE";
    public const string ContentPromotingEatingDisorders = "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS";
    public const string CoordinatedHarm = "KEYWORD_COORDINATED_HARM";
    public const string CopyrightInfringement = "KEYWORD_COPYRIGHT_INFRINGEMENT";
    public const string CyberBullyingIntimidation = "KEYWORD_CYBER_BULLYING_INTIMIDATION";
    public const string CyberHarassment = "KEYWORD_CYBER_HARASSMENT";
    public const string CyberHarassmentAgainstWomen = "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN";
    public const string CyberIncitement = "KEYWORD_CYBER_INCITEMENT";
    public const string CyberStalking = "KEYWORD_CYBER_STALKING";
    public const string CyberStalkingAgainstWomen = "KEYWORD_CYBER_STALKING_AGAINST_WOMEN";
    public const string DataFalsification = "KEYWORD_DATA_FALSIFICATION";
    public const string Defamation = "KEYWORD_DEFAMATION";
    public const string DesignInfringement = "KEYWORD_DESIGN_INFRINGEMENT";
    public const string Discrimination = "KEYWORD_DISCRIMINATION";
    public const string FemaleGenderedDisinformation = "KEYWORD_FEMALE_GENDERED_DISINFORMATION";
    public const string GeographicIndicationsInfringement = "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT";
    public const string GeographicalRequirements = "KEYWORD_GEOGRAPHICAL_REQUIREMENTS";
    public const string GoodsServicesNotPermitted = "KEYWORD_GOODS_SERVICES_NOT_PERMITTED";
    public const string GroomingSexualEnticementMinors = "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS";
    public const string HateSpeech = "KEYWORD_HATE_SPEECH";
    public const string HiddenAdvertisement = "KEYWORD_HIDDEN_ADVERTISEMENT";
    public const string HumanExploitation = "KEYWORD_HUMAN_EXPLOITATION";
    public const string HumanTrafficking = "KEYWORD_HUMAN_TRAFFICKING";
    public const string IllegalOrganizations = "KEYWORD_ILLEGAL_ORGANIZATIONS";
    public const string ImpersonationAccountHijacking = "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING";
    public const string InauthenticAccounts = "KEYWORD_INAUTHENTIC_ACCOUNTS";
    public const string InauthenticListings = "KEYWORD_INAUTHENTIC_LISTINGS";
    public const string InauthenticUserReviews = "KEYWORD_INAUTHENTIC_USER_REVIEWS";
    public const string IncitementAgainstWomen = "KEYWORD_INCITEMENT_AGAINST_WOMEN";
    public const string IncitementViolenceHatred = "KEYWORD_INCITEMENT_VIOLENCE_HATRED";
    public const string InsufficientInformationOnTraders = "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS";
    public const string LanguageRequirements = "KEYWORD_LANGUAGE_REQUIREMENTS";
    public const string MisinformationDisinformation = "KEYWORD_MISINFORMATION_DISINFORMATION";
    public const string MisleadingInfoConsumerRights = "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS";
    public const string MisleadingInfoGoodsServices = "KEYWORD_MISLEADING_INFO_GOODS_SERVICES";
    public const string MissingProcessingGround = "KEYWORD_MISSING_PROCESSING_GROUND";
    public const string NonConsensualImageSharing = "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING";
    public const string NonConsensualImageSharingAgainstWomen = "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN";
    public const string NonConsensualMaterialDeepfake = "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE";
    public const string NonConsensualMaterialDeepfakeAgainstWomen = "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN";
    public const string NoncompliancePricing = "KEYWORD_NONCOMPLIANCE_PRICING";
    public const string Nudity = "KEYWORD_NUDITY";
    public const string PatentInfringement = "KEYWORD_PATENT_INFRINGEMENT";
    public const string Phishing = "KEYWORD_PHISHING";
    public const string ProhibitedProducts = "KEYWORD_PROHIBITED_PRODUCTS";
    public const string PyramidSchemes = "KEYWORD_PYRAMID_SCHEMES";
    public const string RightToBeForgotten = "KEYWORD_RIGHT_TO_BE_FORGOTTEN";
    public const string RiskEnvironmentalDamage = "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE";
    public const string RiskPublicHealth = "KEYWORD_RISK_PUBLIC_HEALTH";
    public const string SelfMutilation = "KEYWORD_SELF_MUTILATION";
    public const string Stalking = "KEYWORD_STALKING";
    public const string Suicide = "KEYWORD_SUICIDE";
    public const string TerroristContent = "KEYWORD_TERRORIST_CONTENT";
    public const string TradeSecretInfringement = "KEYWORD_TRADE_SECRET_INFRINGEMENT";
    public const string TrademarkInfringement = "KEYWORD_TRADEMARK_INFRINGEMENT";
    public const string TraffickingWomenGirls = "KEYWORD_TRAFFICKING_WOMEN_GIRLS";
    public const string UnlawfulSaleAnimals = "KEYWORD_UNLAWFUL_SALE_ANIMALS";
    public const string UnsafeChallenges = "KEYWORD_UNSAFE_CHALLENGES";
    public const string UnsafeProducts = "KEYWORD_UNSAFE_PRODUCTS";
    public const string ViolationEuLaw = "KEYWORD_VIOLATION_EU_LAW";
    public const string ViolationNationalLaw = "KEYWORD_VIOLATION_NATIONAL_LAW";
    public const string Other = "KEYWORD_OTHER";

    /// <summary>Every value the database accepts, in its own order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        AdultSexualMaterial,
        AgeSpecificRestrictions,
        AgeSpecificRestrictionsMinors,
        AnimalHarm,
        BiometricDataBreach,
        BullyingAgainstGirls,
        ChildSexualAbuseMaterial,
        ChildSexualAbuseMaterialDeepfake,
        ContentPromotingEatingDisorders,
        CoordinatedHarm,
        CopyrightInfringement,
        CyberBullyingIntimidation,
        CyberHarassment,
        CyberHarassmentAgainstWomen,
        CyberIncitement,
        CyberStalking,
        CyberStalkingAgainstWomen,
        DataFalsification,
        Defamation,
        DesignInfringement,
        Discrimination,
        FemaleGenderedDisinformation,
        GeographicIndicationsInfringement,
        GeographicalRequirements,
        GoodsServicesNotPermitted,
        GroomingSexualEnticementMinors,
        HateSpeech,
        HiddenAdvertisement,
        HumanExploitation,
        HumanTrafficking,
        IllegalOrganizations,
        ImpersonationAccountHijacking,
        InauthenticAccounts,
        InauthenticListings,
        InauthenticUserReviews,
        IncitementAgainstWomen,
        IncitementViolenceHatred,
        InsufficientInformationOnTraders,
        LanguageRequirements,
        MisinformationDisinformation,
        MisleadingInfoConsumerRights,
        MisleadingInfoGoodsServices,
        MissingProcessingGround,
        NonConsensualImageSharing,
        NonConsensualImageSharingAgainstWomen,
        NonConsensualMaterialDeepfake,
        NonConsensualMaterialDeepfakeAgainstWomen,
        NoncompliancePricing,
        Nudity,
        PatentInfringement,
        Phishing,
        ProhibitedProducts,
        PyramidSchemes,
        RightToBeForgotten,
        RiskEnvironmentalDamage,
        RiskPublicHealth,
        SelfMutilation,
        Stalking,
        Suicide,
        TerroristContent,
        TradeSecretInfringement,
        TrademarkInfringement,
        TraffickingWomenGirls,
        UnlawfulSaleAnimals,
        UnsafeChallenges,
        UnsafeProducts,
        ViolationEuLaw,
        ViolationNationalLaw,
        Other,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether the database accepts <paramref name="value"/> as a keyword (exact, ordinal).</summary>
    public static bool IsValid(string? value) => value is not null && Known.Contains(value);
}
