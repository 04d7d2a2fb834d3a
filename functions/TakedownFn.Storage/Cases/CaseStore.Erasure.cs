using Azure;
using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

public sealed partial class CaseStore
{
    /// <summary>
    /// Erases the case's personal data in one transaction: the case row is replaced (conditional on
    /// the ETag it was read with) by one holding <paramref name="updated"/>'s columns and the plain
    /// non-personal <paramref name="residue"/> only, so its wrapped data key and sealed notice are
    /// gone; the <paramref name="erased"/> step and its ledger to-do row are added with it.
    /// </summary>
    public async Task<AppendResult> EraseAsync(CaseRecord updated, ReadOnlyMemory<byte> residue, CaseEventRecord erased, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(erased);
        var tenant = updated.TenantId;
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpdateReplace, CaseEntityMapping.ToEntity(updated, residue), updated.ETag),
            new(TableTransactionActionType.Add, CaseEntityMapping.ToEntity(tenant, erased)),
            new(TableTransactionActionType.Add, CaseEntityMapping.ToPendingLeaf(tenant, erased, updated.PolicyId, Ledger.LeafFactsOf.From(updated, erased).ToJson().ToJsonString())),
        ];
        if (reportTodos)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, ReportTodo(tenant, updated.CaseId)));
            actions.Add(ReportChangeMarker(tenant));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return new AppendResult(AppendStatus.Appended);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
        {
            return new AppendResult(AppendStatus.Conflict);
        }
    }

    /// <summary>The tenant's case rows (without notices) whose personal data is not erased yet, for the retention sweep.</summary>
    public async IAsyncEnumerable<CaseRecord> UnerasedAsync(string tenantId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.CasesFrom} and RowKey lt {CaseKeys.CasesTo}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: CaseEntityMapping.CaseColumns, cancellationToken: cancellationToken))
        {
            if (entity.GetString("Erasure") is null)
            {
                yield return CaseEntityMapping.ToCase(entity);
            }
        }
    }

    /// <summary>
    /// The operator's <c>cases seal</c>: every case row of every tenant that still holds its notice
    /// plain (accepted before per-case data keys) gets a data key and its notice sealed under it, and
    /// every wrapped data key not under the current key-encryption key is re-wrapped. Each row is
    /// replaced only if unchanged since it was read, so it is safe while the app serves and to run
    /// again (a second run changes nothing). Erased rows hold only their residue and are left alone.
    /// </summary>
    public async Task<(int Sealed, int Rewrapped)> SealAllAsync(CancellationToken cancellationToken = default)
    {
        var cipherInUse = cipher ?? throw new InvalidOperationException("Sealing needs the key-encryption key.");
        var (sealedRows, rewrapped) = (0, 0);
        var filter = TableClient.CreateQueryFilter($"RowKey gt {CaseKeys.CasesFrom} and RowKey lt {CaseKeys.CasesTo}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            TableEntity? replacement = null;
            if (CaseEntityMapping.IsSealed(entity))
            {
                if (cipherInUse.Rewrap(entity.PartitionKey, entity.GetString("CaseId")!, entity.GetString(CaseEntityMapping.DataKeyProperty)!) is { } wrapped)
                {
                    replacement = new TableEntity(entity.PartitionKey, entity.RowKey) { [CaseEntityMapping.DataKeyProperty] = wrapped };
                    if (await UpdateAsync(replacement, entity.ETag, TableUpdateMode.Merge, cancellationToken))
                    {
                        rewrapped++;
                    }
                }
            }
            else if (entity.GetString("Erasure") is null && entity.GetBinary("Notice0") is not null)
            {
                if (await UpdateAsync(CaseEntityMapping.Sealed(entity, cipherInUse), entity.ETag, TableUpdateMode.Replace, cancellationToken))
                {
                    sealedRows++;
                }
            }
        }

        return (sealedRows, rewrapped);
    }

    private async Task<bool> UpdateAsync(TableEntity entity, ETag etag, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(entity, etag, mode, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Changed since it was read: the next run sees it again (a new step never unseals a notice).
            return false;
        }
    }
}
