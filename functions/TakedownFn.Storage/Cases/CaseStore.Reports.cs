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

    /// <summary>The change marker (<see cref="CaseKeys.ReportChanges"/>), upserted once per transaction that writes to-do rows.</summary>
    private static TableTransactionAction ReportChangeMarker(string tenantId) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(tenantId, CaseKeys.ReportChanges));

    /// <summary>The ETag of the tenant's change marker (null before its first change): it changes with every case change.</summary>
    public async Task<string?> ReportChangesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(tenantId, CaseKeys.ReportChanges, ["PartitionKey"], cancellationToken);
        return entity?.ETag.ToString();
    }

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
    /// Several cases with their notices and steps, for the fold: the case rows by concurrent point
    /// reads, the steps by one range query over the cases' event rows (case ids sorted, so their rows
    /// are one key range). The range also holds the steps of cases between them that are not asked
    /// for; it is read for at most <see cref="EventRowsPerCase"/> rows per case asked, and the cases
    /// it did not reach are read one range each, so sparse ids never read the tenant's whole history.
    /// Cases that do not exist are left out.
    /// </summary>
    public async Task<IReadOnlyList<CaseWithSteps>> GetManyWithStepsAsync(string tenantId, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        var ids = caseIds.Where(CaseKeys.IsCaseId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = ConcurrentReads.ReadAsync(ids, id => GetAsync(tenantId, id, withNotice: true, cancellationToken), cancellationToken);
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var events = ids.ToDictionary(id => id, _ => new List<CaseEventRecord>(), StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.EventsFrom(ids[0])} and RowKey lt {CaseKeys.EventsTo(ids[^1])}");
        var budget = EventRowsPerCase * ids.Count;
        string? reached = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var e = CaseEntityMapping.ToEvent(entity);
            if (--budget < 0)
            {
                // Cases from this one on were not read whole: each gets its own range below.
                reached = e.CaseId;
                break;
            }

            if (wanted.Contains(e.CaseId))
            {
                events[e.CaseId].Add(e);
            }
        }

        if (reached is not null)
        {
            var rest = ids.Where(id => string.CompareOrdinal(id, reached) >= 0).ToList();
            var read = await ConcurrentReads.ReadAsync(rest, id => GetEventsAsync(tenantId, id, cancellationToken), cancellationToken);
            for (var i = 0; i < rest.Count; i++)
            {
                events[rest[i]] = [.. read[i]];
            }
        }

        var stored = await rows;
        return ids.Select((id, i) => stored[i] is { } s ? new CaseWithSteps(s.Case, s.Notice!, events[id]) : null).OfType<CaseWithSteps>().ToList();
    }

    /// <summary>Event rows a bulk read may scan per case asked for before it reads the rest case by case.</summary>
    private const int EventRowsPerCase = 64;

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
