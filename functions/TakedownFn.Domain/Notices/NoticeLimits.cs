namespace TakedownFn.Domain.Notices;

/// <summary>The well-formedness limits a submitted notice must respect.</summary>
public static class NoticeLimits
{
    public const int MinItems = 1;
    public const int MaxItems = 1_000;
    public const int MaxContentIdLength = 256;

    /// <summary>Longer than the 2,048 old browsers kept, short enough to index; our choice, no statute fixes it.</summary>
    public const int MaxUrlLength = 4_096;

    public const int MaxExplanationLength = 10_000;
    public const int MaxNameLength = 200;

    /// <summary>RFC 5321 §4.5.3.1.3: a forward path is at most 256 octets including the angle brackets.</summary>
    public const int MaxEmailLength = 254;

    public const int MaxPhoneLength = 32;
    public const int MaxPostalAddressLength = 1_000;
    public const int MaxSignatureLength = 256;
    public const int MaxPlatformReferenceLength = 256;
    public const int MaxEvidenceEntries = 100;
    public const int MaxEvidenceLength = 4_096;
    public const int MaxSeverityListEntries = 32;

    /// <summary>Per item; the body limit (256 KiB) still bounds the notice. Our choice: a long post, or a page of one.</summary>
    public const int MaxExcerptLength = 16_384;

    /// <summary>A platform account id (uploader, victim).</summary>
    public const int MaxAccountLength = 256;

    /// <summary>
    /// How far in the future a received time may lie: platform clocks drift, but a notice received
    /// tomorrow is a client error, and SLA clocks must not start from it.
    /// </summary>
    public static TimeSpan FutureTolerance { get; } = TimeSpan.FromMinutes(5);
}
