using System.Text.Json;
using TakedownFn.Domain.Events;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Tenants;

/// <summary>
/// Every admin action on a tenant becomes an event of the tenant's ledger: who did it (the admin
/// key's id), what (ids and settings, never a secret), and when by the service's clock.
/// </summary>
/// <remarks>
/// The event is recorded before the action, so no action escapes the log: a crash in between
/// leaves an event whose action a retry then completes (with the same deterministic event id).
/// </remarks>
internal sealed class AdminAudit(CaseStore cases, TimeProvider time)
{
    /// <summary>The case id the ledger shows for events about the tenant rather than a case.</summary>
    public const string TenantSubject = "tenant";

    public Task RecordAsync(string tenantId, string action, string discriminator, object details, string actor, CancellationToken cancellationToken) =>
        cases.RecordTenantEventAsync(
            tenantId,
            new CaseEventRecord
            {
                EventId = EventIds.For(TenantSubject, action, discriminator),
                CaseId = TenantSubject,
                Sequence = 0,
                Kind = action,
                RecordedAt = time.GetUtcNow(),
                Details = JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
                Actor = actor,
            },
            cancellationToken);
}
