using System.Diagnostics.CodeAnalysis;

namespace TakedownFn.Domain.Notices;

/// <summary>The catalog of regimes the service accepts notices under.</summary>
public static class Regimes
{
    public const string CnPersonalInfo = "cn-personal-info";
    public const string CnCopyright = "cn-copyright";
    public const string CnCivilCode1195 = "cn-civil-code-1195";
    public const string UsDmca = "us-dmca";
    public const string EuDsa16 = "eu-dsa-16";
    public const string DeNetzDg = "de-netzdg";
    public const string InItRules = "in-it-rules";
    public const string AuOsa = "au-osa";

    /// <summary>Every regime, in a fixed order.</summary>
    public static IReadOnlyList<Regime> All { get; } =
    [
        new(CnPersonalInfo, "China: personal information disclosure (开盒)", "CAC notice on personal information disclosure, May 2025",
            [Categories.IdNumber, Categories.HomeAddress, Categories.Phone, Categories.Medical,
             Categories.PrivateMessages, Categories.Photos, Categories.OtherPersonalInfo]),
        new(CnCopyright, "China: right of network dissemination", "Regulations on the Right to Network Dissemination of Information Art. 14-17",
            [Categories.Copyright]),
        new(CnCivilCode1195, "China: Civil Code notice", "Civil Code Art. 1195",
            [Categories.PersonalRights, Categories.Ip, Categories.Reputation]),
        new(UsDmca, "US: DMCA takedown", "17 USC 512(c)(3)",
            [Categories.Copyright]),
        new(EuDsa16, "EU: DSA notice and action", "Regulation (EU) 2022/2065 Art. 16",
            [Categories.IllegalContent, Categories.Privacy, Categories.CyberViolence, Categories.Ip,
             Categories.Csam, Categories.HateSpeech, Categories.TerroristContent, Categories.Fraud]),
        new(DeNetzDg, "Germany: NetzDG complaint", "NetzDG §3",
            [Categories.ManifestlyUnlawful, Categories.Unlawful]),
        new(InItRules, "India: IT Rules grievance", "IT Rules 2021 Rule 3(2)",
            [Categories.IntimateImagery, Categories.Impersonation, Categories.Other]),
        new(AuOsa, "Australia: Online Safety Act removal notice", "Online Safety Act 2021 s77, s88",
            [Categories.IntimateImage, Categories.CyberAbuse]),
    ];

    private static readonly Dictionary<string, Regime> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Finds a regime by its exact (ordinal) id.</summary>
    public static bool TryGet(string? id, [NotNullWhen(true)] out Regime? regime)
    {
        regime = null;
        return id is not null && ById.TryGetValue(id, out regime);
    }
}
