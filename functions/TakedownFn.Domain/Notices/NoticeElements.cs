namespace TakedownFn.Domain.Notices;

/// <summary>Stable ids of the notice elements regimes require, reported in <see cref="MissingElement.Element"/>.</summary>
public static class NoticeElements
{
    public const string Signature = "signature";
    public const string WorkIdentification = "work-identification";
    public const string MaterialLocation = "material-location";
    public const string NotifierContact = "notifier-contact";
    public const string GoodFaithStatement = "good-faith-statement";
    public const string AccuracyStatement = "accuracy-statement";
    public const string PerjuryStatement = "perjury-statement";
    public const string SubstantiatedExplanation = "substantiated-explanation";
    public const string ExactLocation = "exact-location";
    public const string NotifierName = "notifier-name";
    public const string NotifierEmail = "notifier-email";
    public const string NotifierAddress = "notifier-address";
    public const string NetworkAddress = "network-address";
    public const string PreliminaryEvidence = "preliminary-evidence";
    public const string InformationLocation = "information-location";
    public const string NotifierStanding = "notifier-standing";
    public const string Explanation = "explanation";
    public const string ContentLocation = "content-location";

    /// <summary>Every element id.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Signature, WorkIdentification, MaterialLocation, NotifierContact, GoodFaithStatement,
        AccuracyStatement, PerjuryStatement, SubstantiatedExplanation, ExactLocation, NotifierName,
        NotifierEmail, NotifierAddress, NetworkAddress, PreliminaryEvidence, InformationLocation,
        NotifierStanding, Explanation, ContentLocation,
    ];
}
