using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain.Surge;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Storage.Surge;

/// <summary>The result of counting one notice into its stream.</summary>
/// <param name="Verdict">The detector's verdict, or <see langword="null"/> when the notice had been counted before.</param>
/// <param name="State">The stream's state after the count.</param>
public sealed record StreamCount(SurgeVerdict? Verdict, StreamState State);

/// <summary>A stream with an open surge, for the at-risk view.</summary>
/// <param name="Stream">The stream key, e.g. <c>topic:evt-20261207-0042</c>.</param>
/// <param name="Surge">When it fired and on which case.</param>
/// <param name="Fired">The verdict it fired with.</param>
public sealed record OpenSurgeRecord(string Stream, OpenSurge Surge, SurgeVerdict? Fired);

/// <summary>
/// Surge streams in the tenant's partition of the cases table: <c>g|{sha256(stream)}</c> holds a
/// stream's <see cref="StreamState"/>, <c>gm|{sha256(stream)}|{caseId}</c> marks a case counted. Both
/// are written in one transaction, the state conditional on its ETag, so a redelivered notice is
/// never counted twice and concurrent notices of one stream never lose a count.
/// </summary>
public sealed class SurgeStore(TableClient table)
{
    private const int MaxAttempts = 30;

    public static string StateKey(string stream) => $"g|{CaseKeys.Hash(stream)}";

    public static string MarkerKey(string stream, string caseId) => $"gm|{CaseKeys.Hash(stream)}|{caseId}";

    /// <summary>Counts the case's notice into <paramref name="stream"/> once, and returns the verdict.</summary>
    public async Task<StreamCount> CountAsync(string tenantId, string stream, string caseId, DateTimeOffset at, SurgeRule rule, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await table.GetEntityOrNullAsync(tenantId, StateKey(stream), null, cancellationToken);
            var state = row is null ? StreamState.Empty : Read(row);
            var (next, verdict) = SurgeDetector.Observe(state, at, caseId, rule);
            var entity = Write(tenantId, stream, next, verdict, row?.GetString("FiredVerdict"));
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(tenantId, MarkerKey(stream, caseId)) { ["Stream"] = stream }),
                row is null ? new(TableTransactionActionType.Add, entity) : new(TableTransactionActionType.UpdateReplace, entity, row.ETag),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return new StreamCount(verdict, next);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
            {
                return new StreamCount(null, state); // counted already: a redelivery
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another notice of the stream was counted meanwhile: read it again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * (attempt + 1))), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Stream state of tenant {tenantId} kept changing while a notice was counted.");
    }

    /// <summary>The verdict a stream's open surge fired with, when <paramref name="caseId"/> fired it.</summary>
    public async Task<SurgeVerdict?> FiredByAsync(string tenantId, string stream, string caseId, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityOrNullAsync(tenantId, StateKey(stream), null, cancellationToken);
        return row is not null && Read(row).OpenSurge?.FiredBy == caseId ? FiredVerdict(row) : null;
    }

    /// <summary>The tenant's streams with an open surge.</summary>
    public async Task<IReadOnlyList<OpenSurgeRecord>> OpenSurgesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {"g|"} and RowKey lt {"g}"} and SurgeOpen eq {true}");
        var open = new List<OpenSurgeRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Read(row).OpenSurge is { } surge)
            {
                open.Add(new OpenSurgeRecord(row.GetString("Stream")!, surge, FiredVerdict(row)));
            }
        }

        return open;
    }

    /// <summary>The state row; an open surge keeps the verdict it fired with (<paramref name="firedVerdict"/>) until it clears.</summary>
    private static TableEntity Write(string tenantId, string stream, StreamState state, SurgeVerdict verdict, string? firedVerdict)
    {
        var entity = new TableEntity(tenantId, StateKey(stream))
        {
            ["Stream"] = stream,
            ["Counts"] = JsonSerializer.Serialize(state.Counts.OrderBy(c => c.Key).Select(c => new[] { c.Key, c.Value })),
            ["FirstBucket"] = state.FirstBucket,
            ["SurgeOpen"] = state.OpenSurge is not null,
            ["FiredAt"] = state.OpenSurge?.FiredAt,
            ["FiredBy"] = state.OpenSurge?.FiredBy,
        };
        if (verdict.Outcome == SurgeOutcome.Fired)
        {
            entity["FiredVerdict"] = JsonSerializer.Serialize(verdict);
        }
        else if (state.OpenSurge is not null)
        {
            entity["FiredVerdict"] = firedVerdict;
        }

        return entity;
    }

    private static StreamState Read(TableEntity row)
    {
        var counts = JsonSerializer.Deserialize<long[][]>(row.GetString("Counts") ?? "[]")!.ToDictionary(c => c[0], c => (int)c[1]);
        var open = row.GetBoolean("SurgeOpen") == true && row.GetDateTimeOffset("FiredAt") is { } at && row.GetString("FiredBy") is { } by
            ? new OpenSurge(at, by)
            : null;
        return new StreamState(counts, row.GetInt64("FirstBucket"), open);
    }

    private static SurgeVerdict? FiredVerdict(TableEntity row) =>
        row.GetString("FiredVerdict") is { } json ? JsonSerializer.Deserialize<SurgeVerdict>(json) : null;
}
