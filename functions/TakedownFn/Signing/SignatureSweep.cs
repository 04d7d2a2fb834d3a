using TakedownFn.Functions;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Signing;

/// <summary>
/// Every five minutes, deletes the used-signature rows kept for replay protection once they could
/// no longer be accepted anyway (their timestamp plus the window has passed), so the store holds
/// about ten minutes of signatures per tenant. Two instances sweeping at once delete each row once.
/// </summary>
internal sealed class SignatureSweep(TenantStore tenants, RequestSigningStore store, TimeProvider time) : ITimerHandler
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    /// <summary>The NCRONTAB form of <see cref="Period"/>, for the Functions host's attribute.</summary>
    public const string Schedule = "0 */5 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var tenant in await tenants.ListTenantsAsync(cancellationToken))
        {
            await store.PurgeUsedAsync(tenant.TenantId, now, cancellationToken);
        }
    }
}
