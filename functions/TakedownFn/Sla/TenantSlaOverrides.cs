using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Sla;

/// <summary>A tenant's SLA override as the policy engine uses it, read from the stored document.</summary>
internal sealed class TenantSlaOverrides(TenantSettingsStore settings)
{
    public const string FileName = "tenant-override";

    /// <summary>The tenant's current override, or null. The stored document was checked when saved.</summary>
    public async Task<TenantOverride?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var stored = await settings.GetSlaOverrideAsync(tenantId, cancellationToken);
        return stored is null ? null : TenantOverrideReader.Read(FileName, stored.Document).GetValueOrThrow();
    }
}
