using Azure;
using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

/// <summary>A case whose report contribution is to be folded, with the ETag of its to-do row.</summary>
public sealed record ReportTodo(string CaseId, ETag ETag);

/// <summary>A case row with its notice and every step, as the reconciliation reads them.</summary>
public sealed record CaseWithSteps(CaseRecord Case, byte[] Notice, IReadOnlyList<CaseEventRecord> Events);

public sealed partial class CaseStore
{
    /// <summary>
    /// The to-do row that tells the report fold a case changed (<c>u|{caseId}</c>), written with
    /// every change of the case in the same transaction; the fold deletes it conditional on its ETag,
    /// so a change made while a fold ran leaves it for the next.
    /// </summary>
    private static TableEntity ReportTodo(string tenantId, string caseId) => new(tenantId, CaseKeys.ReportTodo(caseId)) { ["CaseId"] = caseId };

    /// <summary>Up to <paramref name="max"/> cases of the tenant changed since they were last folded.</summary>
    public async Task<IReadOnlyList<ReportTodo>> ReportTodosAsync(string tenantId, int max, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.ReportTodosFrom} and RowKey lt {CaseKeys.ReportTodosTo}");
        var todos = new List<ReportTodo>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["CaseId"], cancellationToken: cancellationToken))
        {
            todos.Add(new ReportTodo(entity.GetString("CaseId")!, entity.ETag));
            if (todos.Count >= max)
            {
                break;
            }
        }

        return todos;
    }

    /// <summary>Deletes folded to-do rows whose ETag is unchanged; a row changed meanwhile stays (its case changed again).</summary>
    public async Task CompleteReportTodosAsync(string tenantId, IEnumerable<ReportTodo> todos, CancellationToken cancellationToken = default)
    {
        foreach (var todo in todos)
        {
            try
            {
                await table.DeleteEntityAsync(tenantId, CaseKeys.ReportTodo(todo.CaseId), todo.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed again since it was read: the next fold takes it.
            }
        }
    }

    /// <summary>The case's row with its notice, and its steps (what a fold needs).</summary>
    public async Task<CaseWithSteps?> GetWithStepsAsync(string tenantId, string caseId, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(tenantId, caseId, withNotice: true, cancellationToken);
        return stored is null ? null : new CaseWithSteps(stored.Case, stored.Notice!, await GetEventsAsync(tenantId, caseId, cancellationToken));
    }

    /// <summary>
    /// Every case of the tenant with its notice and steps, read in two range scans (case rows, then
    /// event rows), for the reconciliation: the raw rows, not the rollups.
    /// </summary>
    public async IAsyncEnumerable<CaseWithSteps> AllCasesWithStepsAsync(string tenantId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var events = new Dictionary<string, List<CaseEventRecord>>(StringComparer.Ordinal);
        var eventFilter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {"e|"} and RowKey lt {"e}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(eventFilter, cancellationToken: cancellationToken))
        {
            var e = CaseEntityMapping.ToEvent(entity);
            if (!events.TryGetValue(e.CaseId, out var list))
            {
                events[e.CaseId] = list = [];
            }

            list.Add(e);
        }

        var caseFilter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.CasesFrom} and RowKey lt {CaseKeys.CasesTo}");
        await foreach (var entity in table.QueryAsync<TableEntity>(caseFilter, cancellationToken: cancellationToken))
        {
            var record = CaseEntityMapping.ToCase(entity);
            yield return new CaseWithSteps(record, CaseEntityMapping.NoticeOf(entity, cipher), events.GetValueOrDefault(record.CaseId) ?? []);
        }
    }
}
