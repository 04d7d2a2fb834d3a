using System.Collections.Concurrent;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Sla;

/// <summary>
/// Tenants' escalation webhooks, remembered for 30 seconds (a "none" too), so a burst of breaches
/// costs one settings read per tenant, not one per timer. A change made through this instance
/// applies at once; other instances see it within the 30 seconds.
/// </summary>
internal sealed class EscalationWebhooks(TenantSettingsStore settings, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (EscalationWebhookRecord? Webhook, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<EscalationWebhookRecord?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var hit) && hit.Until > now)
        {
            return hit.Webhook;
        }

        var webhook = await settings.GetEscalationWebhookAsync(tenantId, cancellationToken);
        _cache[tenantId] = (webhook, now + Lifetime);
        return webhook;
    }

    public async Task SaveAsync(EscalationWebhookRecord webhook, CancellationToken cancellationToken)
    {
        await settings.SaveEscalationWebhookAsync(webhook, cancellationToken);
        _cache[webhook.TenantId] = (webhook, time.GetUtcNow() + Lifetime);
    }
}
