using Azure;
using Azure.Data.Tables;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Storage.Ledger;

/// <summary>The ledger's to-do rows in the cases table (written by <see cref="CaseStore"/> with each event).</summary>
internal sealed class PendingLeaves(TableClient cases, CaseNoticeCipher? cipher)
{
    private const int DeletesPerTransaction = 100;

    /// <summary>True when the tenant has any pending row.</summary>
    public async Task<bool> AnyAsync(string tenantId, CancellationToken cancellationToken)
    {
        // A page may be empty and still continue (AZURE-FACTS: Table query paging), so follow it.
        await foreach (var _ in cases.QueryAsync<TableEntity>(Range(tenantId), 1, ["EventId"], cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Pending rows recorded before <paramref name="recordedBefore"/>, at most <paramref name="max"/>,
    /// in sequencing order (<see cref="PendingLeaf.Order"/>).
    /// </summary>
    public async Task<List<PendingLeaf>> ReadAsync(string tenantId, DateTimeOffset recordedBefore, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {CaseKeys.PendingLeavesFrom} and RowKey lt {CaseKeys.PendingLeavesTo} and RecordedAt lt {recordedBefore}");
        var pending = new List<PendingLeaf>();
        await foreach (var entity in cases.QueryAsync<TableEntity>(filter, maxPerPage: LedgerStore.MaxPageSize, cancellationToken: cancellationToken))
        {
            pending.Add(new PendingLeaf(CaseEntityMapping.ToEvent(entity), entity.GetString("PolicyId"), entity.GetString("Facts")));
            if (pending.Count >= max)
            {
                break;
            }
        }

        pending.Sort(PendingLeaf.Order);
        return pending;
    }

    /// <summary>The submitted notice of a case, for the <c>received</c> leaf's commitment.</summary>
    public async Task<byte[]?> NoticeAsync(string tenantId, string caseId, CancellationToken cancellationToken)
    {
        var entity = await cases.GetEntityOrNullAsync(tenantId, CaseKeys.Case(caseId), cancellationToken: cancellationToken);
        return entity is null ? null : CaseEntityMapping.NoticeOf(entity, cipher);
    }

    /// <summary>Deletes the rows of events now in the log; rows already gone are fine.</summary>
    public async Task DeleteAsync(string tenantId, IEnumerable<string> eventIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in eventIds.Chunk(DeletesPerTransaction))
        {
            var actions = chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, CaseKeys.PendingLeaf(id)), ETag.All));
            try
            {
                await cases.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Some were deleted already (by an earlier run that stopped half way): one by one.
                foreach (var id in chunk)
                {
                    await cases.DeleteEntityAsync(tenantId, CaseKeys.PendingLeaf(id), ETag.All, cancellationToken);
                }
            }
        }
    }

    private static string Range(string tenantId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {CaseKeys.PendingLeavesFrom} and RowKey lt {CaseKeys.PendingLeavesTo}");
}
