using System.Globalization;
using TakedownFn.Domain.Events;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// What a ledger benchmark needs: synthetic events written as real to-do rows (exactly as
/// <see cref="CaseStore"/> writes them) and appended by the real sequencer. Synthetic events carry
/// made-up ids and no personal data.
/// </summary>
public static class LedgerBenchmarkSupport
{
    public const string SyntheticKind = "synthetic";

    private const int RowsPerTransaction = 100;
    private const int ConcurrentTransactions = 4;

    /// <summary>Writes <paramref name="count"/> synthetic to-do rows for the tenant, recorded at <paramref name="recordedAt"/> + i ticks.</summary>
    public static async Task WritePendingAsync(ITableClient cases, string tenantId, int count, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var caseId = CaseKeys.NewCaseId(recordedAt);
        var rows = Enumerable.Range(0, count).Select(i => CaseEntityMapping.ToPendingLeaf(tenantId, new CaseEventRecord
        {
            EventId = EventIds.For(caseId, SyntheticKind, i.ToString(CultureInfo.InvariantCulture)),
            CaseId = caseId,
            Sequence = i + 1,
            Kind = SyntheticKind,
            RecordedAt = recordedAt.AddTicks(i),
            Details = "{}",
            Actor = "benchmark",
        }, "benchmark-policy"));
        using var gate = new SemaphoreSlim(ConcurrentTransactions);
        var writes = rows.Chunk(RowsPerTransaction).Select(async chunk =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await cases.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(writes);
    }

    /// <summary>
    /// Appends <paramref name="count"/> synthetic events through the real sequencer, in waves of
    /// <paramref name="waveSize"/> written as to-do rows and then drained (checkpoint included) —
    /// the steady state of a sequencer that runs every few seconds. Returns the leaves appended
    /// and the time spent sequencing (writing the to-do rows excluded).
    /// </summary>
    public static async Task<(long Appended, TimeSpan Sequencing)> AppendSyntheticAsync(
        LedgerSequencer sequencer, ITableClient cases, string tenantId, int count, int waveSize = 10_000, CancellationToken cancellationToken = default)
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
            sequencing += System.Diagnostics.Stopwatch.GetElapsedTime(started);
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
}
