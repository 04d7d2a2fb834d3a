namespace TakedownFn.Evidence;

internal static class EvidenceRegistration
{
    /// <summary>The evidence bundles' services (the stores, keys and SLA settings they read are registered elsewhere).</summary>
    public static void AddTakedownEvidence(this IHostApplicationBuilder builder) => builder.Services.AddSingleton<EvidenceSources>();
}
