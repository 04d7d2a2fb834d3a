using TakedownFn.Domain.Retention;
using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Erasure;

/// <summary>
/// Erases the personal data of every case whose retention ended (PIPL Art. 47: delete when the
/// retention period ends), unless a legal hold is on: then the deferral is recorded once per hold
/// (an <c>erasure-refused</c> step with reason <c>retention</c>) and the case is erased by the first
/// sweep after the hold's release. Every 30 minutes on both hosts; reads each tenant's case rows without notices.
/// </summary>
internal sealed class RetentionSweep(TenantStore tenants, CaseStore cases, CaseErasures erasures, TimeProvider time) : ITimerHandler
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(30);

    /// <summary>The NCRONTAB form of <see cref="Period"/>, for the Functions host's attribute.</summary>
    public const string Schedule = "0 */30 * * * *";

    /// <summary>A case with no preservation rule (triaged before policy packs) keeps its data this long after its clock started.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(365);

    /// <summary>
    /// When the case's retention ends: the end of its policy's preservation period (each regime's
    /// rule in the policy pack, e.g. 365 calendar days from receipt; 366 for eu-dsa-16 csam).
    /// </summary>
    public static DateTimeOffset EndsAt(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var preservation = SlaStage.Preservation.ToId();
        return record.Deadlines.FirstOrDefault(d => d.Stage == preservation)?.DueAt ?? (record.ClockStartedAt ?? record.AcceptedAt) + DefaultRetention;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var tenant in await tenants.ListTenantsAsync(cancellationToken))
        {
            await foreach (var record in cases.UnerasedAsync(tenant.TenantId, cancellationToken))
            {
                if (record.State != "received" && EndsAt(record) <= now)
                {
                    await erasures.EraseAsync(tenant.TenantId, record.CaseId, CaseErasures.Retention, LegalBases.RetentionEnded, CaseErasures.ServiceActor, cancellationToken);
                }
            }
        }
    }
}
