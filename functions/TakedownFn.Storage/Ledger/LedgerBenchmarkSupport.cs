using System.Globalization;
using Azure.Data.Tables;
using TakedownFn.Domain.Events;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// What a ledger benchmark needs: synthetic events written as real to-do rows (exactly as
/// <see cref="CaseStore"/> writes them) and appended by the real sequencer, or bulk-loaded as the
/// rows the sequencer would write, to build logs large enough to time reads on. Synthetic events
/// carry made-up ids and no personal data.
/// </summary>
public static partial class LedgerBenchmarkSupport
{
    public const string SyntheticKind = "synthetic";

    /// <summary>The policy id synthetic events carry, as a triaged case's events do.</summary>
    public const string SyntheticPolicy = "benchmark-policy";

    private const int RowsPerTransaction = 100;
    private const int ConcurrentTransactions = 4;

    /// <summary>
    /// <paramref name="count"/> synthetic events of one new case, recorded at
    /// <paramref name="recordedAt"/> + i ticks (UTC): already in sequencing order.
    /// </summary>
    public static IReadOnlyList<PendingLeaf> SyntheticEvents(int count, DateTimeOffset recordedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var utc = recordedAt.ToUniversalTime();
        var caseId = CaseKeys.NewCaseId(utc);
        var events = new PendingLeaf[count];
        for (int i = 0; i < count; i++)
        {
            events[i] = new PendingLeaf(new CaseEventRecord
            {
                EventId = EventIds.For(caseId, SyntheticKind, i.ToString(CultureInfo.InvariantCulture)),
                CaseId = caseId,
                Sequence = i + 1,
                Kind = SyntheticKind,
                RecordedAt = utc.AddTicks(i),
                Details = "{}",
                Actor = "benchmark",
            }, SyntheticPolicy);
        }

        return events;
    }

    /// <summary>Writes <paramref name="count"/> synthetic to-do rows for the tenant (<see cref="SyntheticEvents"/>).</summary>
    public static Task WritePendingAsync(TableClient cases, string tenantId, int count, DateTimeOffset recordedAt, CancellationToken cancellationToken = default) =>
        WritePendingAsync(cases, tenantId, SyntheticEvents(count, recordedAt), cancellationToken);

    /// <summary>Writes the events as the tenant's to-do rows, exactly as <see cref="CaseStore"/> writes them with each step.</summary>
    public static async Task WritePendingAsync(TableClient cases, string tenantId, IEnumerable<PendingLeaf> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(events);
        await AddAllAsync(cases, events.Select(p => CaseEntityMapping.ToPendingLeaf(tenantId, p.Event, p.PolicyId)), null, cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="count"/> synthetic events through the real sequencer, in waves of
    /// <paramref name="waveSize"/> written as to-do rows and then drained (checkpoint included) —
    /// the steady state of a sequencer that runs every few seconds. Returns the leaves appended
    /// and the time spent sequencing (writing the to-do rows excluded); <paramref name="progress"/>
    /// hears the leaves appended so far and the wave's sequencing time after each wave.
    /// </summary>
    public static async Task<(long Appended, TimeSpan Sequencing)> AppendSyntheticAsync(
        LedgerSequencer sequencer, TableClient cases, string tenantId, int count, int waveSize = 10_000,
        Action<long, TimeSpan>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(waveSize);
        long appended = 0;
        var sequencing = TimeSpan.Zero;
        for (int written = 0; written < count; written += waveSize)
        {
            int wave = Math.Min(waveSize, count - written);

            // Recorded in the past so that no settle time holds them back, and in wave order.
            await WritePendingAsync(cases, tenantId, wave, DateTimeOffset.UtcNow.AddHours(-1).AddSeconds(written / waveSize), cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            appended += await DrainAsync(sequencer, tenantId, cancellationToken);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            sequencing += took;
            progress?.Invoke(appended, took);
        }

        return (appended, sequencing);
    }

    /// <summary>The audit path of a leaf in a stored log, as the API builds it (for timing proofs on large logs).</summary>
    public static Task<IReadOnlyList<byte[]>> InclusionProofAsync(LedgerStore store, string tenantId, long index, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.InclusionProofAsync(tenantId, index, size, cancellationToken);
    }

    /// <summary>Runs the sequencer (without its lease) until nothing is pending and a checkpoint covers the log.</summary>
    public static async Task<long> DrainAsync(LedgerSequencer sequencer, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        long appended = 0;
        while (true)
        {
            var (added, state) = await sequencer.AppendPendingAsync(tenantId, cancellationToken);
            appended += added;
            await sequencer.PublishCheckpointAsync(tenantId, state, force: true, cancellationToken);
            if (added == 0)
            {
                return appended;
            }
        }
    }

    /// <summary>
    /// Inserts the rows (all in one partition) as transactions of <see cref="RowsPerTransaction"/>,
    /// a few in flight at a time; the rows are produced only as transactions go out, so a large
    /// load is never held in memory. <paramref name="written"/> hears the rows inserted so far.
    /// </summary>
    private static async Task AddAllAsync(TableClient table, IEnumerable<TableEntity> rows, Action<long>? written, CancellationToken cancellationToken)
    {
        var running = new List<Task<int>>(ConcurrentTransactions);
        long done = 0;
        foreach (var chunk in rows.Chunk(RowsPerTransaction))
        {
            if (running.Count == ConcurrentTransactions)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                done += await finished; // the first failure stops the load
                written?.Invoke(done);
            }

            running.Add(SubmitAsync(chunk));
        }

        foreach (var count in await Task.WhenAll(running))
        {
            done += count;
        }

        written?.Invoke(done);

        async Task<int> SubmitAsync(TableEntity[] chunk)
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
            return chunk.Length;
        }
    }
}
