using Azure;

namespace TakedownFn.Storage.Cases;

public sealed partial class CaseStore
{
    /// <summary>
    /// Puts an event about the tenant itself (an admin action: a key issued or revoked, a setting
    /// changed) on the tenant's ledger to-do rows, so the sequencer logs it like a case step. The
    /// id is deterministic, so recording the same action again writes nothing.
    /// </summary>
    public async Task RecordTenantEventAsync(string tenantId, CaseEventRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(CaseEntityMapping.ToPendingLeaf(tenantId, record, policyId: null), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded before by a retried request (and if it was sequenced since, the sequencer
            // finds its event id in the log and drops the row): once either way.
        }
    }
}
