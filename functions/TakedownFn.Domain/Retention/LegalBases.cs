namespace TakedownFn.Domain.Retention;

/// <summary>The legal bases an erasure request may name, and the one the retention sweep records.</summary>
public static class LegalBases
{
    /// <summary>PIPL Art. 47: delete when the purpose is served, retention ends, consent is withdrawn or processing was unlawful.</summary>
    public const string Pipl47 = "pipl-47";

    /// <summary>GDPR Art. 17: the right to erasure.</summary>
    public const string Gdpr17 = "gdpr-17";

    /// <summary>CCPA, Cal. Civ. Code 1798.105: the right to delete.</summary>
    public const string Ccpa1798105 = "ccpa-1798.105";

    /// <summary>The platform's own policy (e.g. the victim asked, no statute named).</summary>
    public const string PlatformPolicy = "platform-policy";

    /// <summary>Recorded by the sweep: the policy's retention period for the case ended.</summary>
    public const string RetentionEnded = "retention-ended";

    /// <summary>What a request may name.</summary>
    public static IReadOnlyList<string> Requestable { get; } = [Pipl47, Gdpr17, Ccpa1798105, PlatformPolicy];
}
