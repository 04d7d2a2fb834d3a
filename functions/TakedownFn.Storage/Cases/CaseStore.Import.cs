using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

/// <summary>A case as it stands after its steps: the row, the notice as submitted and every step.</summary>
public sealed record ImportedCase(CaseRecord Case, ReadOnlyMemory<byte> Notice, IReadOnlyList<CaseEventRecord> Events);

public sealed partial class CaseStore
{
    /// <summary>
    /// Writes cases with all their steps directly, in transactions of up to 100 rows (a case's rows
    /// never split): the case row, its step rows and its report to-do row, as accepting and
    /// recording them would leave them, without the index, outbox, SLA timer and ledger rows. For
    /// seeding benchmarks and tests with many cases quickly; the service never calls it.
    /// </summary>
    public async Task ImportAsync(string tenantId, IEnumerable<ImportedCase> imported, CancellationToken cancellationToken = default)
    {
        var batch = new List<TableTransactionAction>();
        foreach (var c in imported)
        {
            List<TableTransactionAction> rows =
            [
                new(TableTransactionActionType.Add, CaseEntityMapping.ToEntity(c.Case with { TenantId = tenantId, ETag = default }, c.Notice, cipher)),
                .. c.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntityMapping.ToEntity(tenantId, e))),
            ];
            if (reportTodos)
            {
                rows.Add(new(TableTransactionActionType.UpsertReplace, ReportTodo(tenantId, c.Case.CaseId)));
            }

            if (batch.Count + rows.Count > MaxOperationsPerTransaction - (reportTodos ? 1 : 0))
            {
                await SubmitImportAsync(tenantId, batch, cancellationToken);
                batch.Clear();
            }

            batch.AddRange(rows);
        }

        if (batch.Count > 0)
        {
            await SubmitImportAsync(tenantId, batch, cancellationToken);
        }
    }

    private async Task SubmitImportAsync(string tenantId, List<TableTransactionAction> batch, CancellationToken cancellationToken) =>
        await table.SubmitTransactionAsync(reportTodos ? [.. batch, ReportChangeMarker(tenantId)] : batch, cancellationToken);
}
