using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TakedownFn.Domain.Reports;

namespace TakedownFn.Storage.Reports;

/// <summary>A case's contribution as stored in its fact row, with the row's ETag.</summary>
public sealed record StoredFact(CaseContribution Contribution, ETag ETag);

/// <summary>The fold's <c>w|fold</c> row: the marker the last complete fold started from (null or empty when unknown), and the row's ETag.</summary>
public sealed record FoldState(string? Changes, ETag ETag);

/// <summary>A rollup row as stored, with its ETag.</summary>
public sealed record StoredRollup(RollupRow Row, ETag ETag);

/// <summary>
/// The tenant's report rows (see <see cref="ReportKeys"/>): case facts, hourly rollups and breach
/// rows, changed together in ETag-conditional transactions so a fold applied twice counts once.
/// </summary>
public sealed partial class ReportStore(TableClient table)
{
    private const int MaxOperationsPerTransaction = 100;

    public TableClient Table => table;

    public async Task<StoredFact?> GetFactAsync(string tenantId, string caseId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(tenantId, ReportKeys.Fact(caseId), cancellationToken: cancellationToken);
        return entity is null ? null : new StoredFact(ReportRows.ToContribution(entity), entity.ETag);
    }

    /// <summary>
    /// The <c>w|fold</c> row: the change marker ETag the last complete fold started from (null if none
    /// recorded), and the row's own ETag, which moves with every write of the row (a fold's, or a
    /// repair's that rewrote rollups outside the fold). Null when the row does not exist.
    /// </summary>
    public async Task<FoldState?> FoldedThroughAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await table.GetEntityOrNullAsync(tenantId, ReportKeys.FoldedThrough, cancellationToken: cancellationToken) is { } row
            ? new FoldState(row.GetString("Changes"), row.ETag)
            : null;

    /// <summary>Records that every change up to marker ETag <paramref name="changes"/> is folded (an older value written late only costs a later report a to-do read).</summary>
    public Task SetFoldedThroughAsync(string tenantId, string changes, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(tenantId, ReportKeys.FoldedThrough) { ["Changes"] = changes }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The fact rows of several cases (null where a case was never folded), read concurrently by point reads.</summary>
    public async Task<IReadOnlyDictionary<string, StoredFact?>> GetFactsAsync(string tenantId, IEnumerable<string> caseIds, CancellationToken cancellationToken = default)
    {
        var ids = caseIds.Distinct(StringComparer.Ordinal).ToList();
        var facts = await ConcurrentReads.ReadAsync(ids, id => GetFactAsync(tenantId, id, cancellationToken), cancellationToken);
        return ids.Select((id, i) => (id, facts[i])).ToDictionary(f => f.id, f => f.Item2, StringComparer.Ordinal);
    }

    /// <summary>A rollup row of either tier by its key, or null.</summary>
    public async Task<StoredRollup?> GetRollupAsync(string tenantId, string rowKey, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(tenantId, rowKey, cancellationToken: cancellationToken);
        return entity is null ? null : new StoredRollup(ReportRows.ToRollup(entity), entity.ETag);
    }

    /// <summary>
    /// The tenant's rollup rows as <paramref name="plan"/> says (day rows for whole days, hour rows
    /// for the rest), one range query per tier and span, run concurrently.
    /// </summary>
    public async Task<IReadOnlyList<RollupRow>> RollupsAsync(string tenantId, RollupPlan plan, CancellationToken cancellationToken = default)
    {
        var days = plan.Days.ToHashSet();
        var queries = plan.HourSpans.Select(s => RangeAsync(tenantId, ReportKeys.RollupsAt(s.From), ReportKeys.RollupsAt(s.To), cancellationToken)).ToList();
        if (days.Count > 0)
        {
            queries.Add(RangeAsync(tenantId, ReportKeys.DaysAt(plan.Days.Min()), ReportKeys.DaysAt(plan.Days.Max().AddDays(1)), cancellationToken));
        }

        // A day inside the range but not in the plan (a bucket boundary cuts it) is read from its hours instead.
        return (await Task.WhenAll(queries)).SelectMany(rows => rows)
            .Where(r => !r.Key.StartsWith(ReportKeys.DaysFrom, StringComparison.Ordinal) || days.Contains(r.Row.Hour))
            .Select(r => r.Row).ToList();
    }

    /// <summary>The tenant's rollup rows for cases received in [<paramref name="from"/>, <paramref name="to"/>) (whole UTC hours), from the day tier where whole days allow.</summary>
    public Task<IReadOnlyList<RollupRow>> RollupsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        RollupsAsync(tenantId, RollupPlan.For(from, to), cancellationToken);

    /// <summary>
    /// The tenant's breach rows for cases received in [<paramref name="from"/>, <paramref name="to"/>),
    /// in key order, starting after <paramref name="afterKey"/> when given; pages are fetched only as
    /// far as the caller reads.
    /// </summary>
    public async IAsyncEnumerable<(string Key, BreachRow Row)> BreachesAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, string? afterKey = null, int pageSize = 1000, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = afterKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {ReportKeys.BreachesAt(from)} and RowKey lt {ReportKeys.BreachesAt(to)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {afterKey} and RowKey ge {ReportKeys.BreachesAt(from)} and RowKey lt {ReportKeys.BreachesAt(to)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, ReportRows.ToBreach(entity));
        }
    }

    private async Task<IReadOnlyList<(string Key, RollupRow Row)>> RangeAsync(string tenantId, string fromKey, string toKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {fromKey} and RowKey lt {toKey}");
        var rows = new List<(string, RollupRow)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add((entity.RowKey, ReportRows.ToRollup(entity)));
        }

        return rows;
    }

    /// <summary>Every stored row of one kind (<c>f|</c>, <c>h|</c> or <c>x|</c>) of the tenant, by row key, for the reconciliation.</summary>
    public async Task<IReadOnlyDictionary<string, TableEntity>> AllRowsAsync(string tenantId, string fromKey, string toKey, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {fromKey} and RowKey lt {toKey}");
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows[entity.RowKey] = entity;
        }

        return rows;
    }

    /// <summary>
    /// Submits row changes in transactions of at most 100; each change is conditional on the ETag
    /// it was decided from (or on the row not existing). False when any transaction lost a race
    /// (412/409): the rows it held are unchanged, and the caller decides again from a fresh read.
    /// </summary>
    public async Task<bool> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var ok = true;
        foreach (var chunk in actions.Chunk(MaxOperationsPerTransaction))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
            {
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>Writes a row as it should be: added when it was missing, else replaced conditional on <paramref name="etag"/>.</summary>
    public static TableTransactionAction Put(TableEntity entity, ETag? etag) =>
        etag is { } tag ? new(TableTransactionActionType.UpdateReplace, entity, tag) : new(TableTransactionActionType.Add, entity);

    /// <summary>Deletes a row conditional on <paramref name="etag"/>.</summary>
    public static TableTransactionAction Delete(string tenantId, string rowKey, ETag etag) =>
        new(TableTransactionActionType.Delete, new TableEntity(tenantId, rowKey), etag);
}

/// <summary>Maps report records to rows and back.</summary>
public static class ReportRows
{
    public static TableEntity Fact(string tenantId, CaseContribution c) => new(tenantId, ReportKeys.Fact(c.CaseId))
    {
        ["CaseId"] = c.CaseId,
        ["Contribution"] = JsonSerializer.Serialize(c, ReportJson.Options),
    };

    public static CaseContribution ToContribution(TableEntity entity) =>
        JsonSerializer.Deserialize<CaseContribution>(entity.GetString("Contribution")!, ReportJson.Options)!;

    public static TableEntity Rollup(string tenantId, RollupRow row) => Rollup(tenantId, ReportKeys.Rollup(row.Hour, row.Dimensions), row);

    /// <summary>A day-tier rollup: <paramref name="row"/>'s hour is the UTC midnight of its day.</summary>
    public static TableEntity DayRollup(string tenantId, RollupRow row) => Rollup(tenantId, ReportKeys.Day(row.Hour, row.Dimensions), row);

    /// <summary>A rollup row of either tier under its key.</summary>
    public static TableEntity Rollup(string tenantId, string rowKey, RollupRow row)
    {
        var entity = new TableEntity(tenantId, rowKey)
        {
            ["Hour"] = row.Hour,
            ["Regime"] = row.Dimensions.Regime,
            ["Category"] = row.Dimensions.Category,
            ["Severity"] = row.Dimensions.Severity,
            ["Source"] = row.Dimensions.Source,
        };
        ReportJson.WriteFigures(entity, row.Figures);
        return entity;
    }

    public static RollupRow ToRollup(TableEntity entity) => new(
        entity.GetDateTimeOffset("Hour")!.Value,
        Dimensions(entity),
        ReportJson.ReadFigures(entity));

    public static TableEntity Breach(string tenantId, DateTimeOffset hour, ReportDimensions d, BreachEntry b) => new(tenantId, ReportKeys.Breach(hour, b.CaseId, b.Stage))
    {
        ["Hour"] = hour,
        ["Regime"] = d.Regime,
        ["Category"] = d.Category,
        ["Severity"] = d.Severity,
        ["Source"] = d.Source,
        ["CaseId"] = b.CaseId,
        ["Stage"] = b.Stage,
        ["Deadline"] = b.Deadline,
        ["MarginTicks"] = b.Margin?.Ticks,
        ["Reason"] = b.Reason,
        ["CompletedAt"] = b.CompletedAt,
    };

    public static BreachRow ToBreach(TableEntity e) => new(
        e.GetDateTimeOffset("Hour")!.Value,
        Dimensions(e),
        new BreachEntry(
            e.GetString("CaseId")!,
            e.GetString("Stage")!,
            e.GetDateTimeOffset("Deadline"),
            e.GetInt64("MarginTicks") is { } ticks ? TimeSpan.FromTicks(ticks) : null,
            e.GetString("Reason")!,
            e.GetDateTimeOffset("CompletedAt")));

    private static ReportDimensions Dimensions(TableEntity e) =>
        new(e.GetString("Regime")!, e.GetString("Category")!, e.GetString("Severity")!, e.GetString("Source")!);
}
