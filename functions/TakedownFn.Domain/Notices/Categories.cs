namespace TakedownFn.Domain.Notices;

/// <summary>
/// Category ids a notice may carry. Which categories a regime allows is decided by
/// <see cref="Regimes"/>; some ids (<c>ip</c>, <c>copyright</c>) are shared by several regimes.
/// </summary>
public static class Categories
{
    // cn-personal-info: the kinds of personal information a doxxing ("开盒") post exposes.
    public const string IdNumber = "id-number";
    public const string HomeAddress = "home-address";
    public const string Phone = "phone";
    public const string Medical = "medical";
    public const string PrivateMessages = "private-messages";
    public const string Photos = "photos";
    public const string OtherPersonalInfo = "other-personal-info";

    public const string Copyright = "copyright";
    public const string Ip = "ip";
    public const string PersonalRights = "personal-rights";
    public const string Reputation = "reputation";

    // eu-dsa-16
    public const string IllegalContent = "illegal-content";
    public const string Privacy = "privacy";
    public const string CyberViolence = "cyber-violence";
    public const string Csam = "csam";
    public const string HateSpeech = "hate-speech";
    public const string TerroristContent = "terrorist-content";
    public const string Fraud = "fraud";

    // de-netzdg: §3(2) Nr. 2 and Nr. 3 set different deadlines for the two.
    public const string ManifestlyUnlawful = "manifestly-unlawful";
    public const string Unlawful = "unlawful";

    // in-it-rules: Rule 3(2)(b) gives intimate imagery and impersonation 24 hours.
    public const string IntimateImagery = "intimate-imagery";
    public const string Impersonation = "impersonation";
    public const string Other = "other";

    // au-osa: s77 intimate-image and s88 cyber-abuse removal notices.
    public const string IntimateImage = "intimate-image";
    public const string CyberAbuse = "cyber-abuse";

    /// <summary>
    /// The kinds of personal information a notice can report as exposed (the cn-personal-info
    /// categories); severity inputs name further exposed kinds with these ids.
    /// </summary>
    public static IReadOnlyList<string> PersonalDataKinds { get; } =
        [IdNumber, HomeAddress, Phone, Medical, PrivateMessages, Photos, OtherPersonalInfo];
}
