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
    /// Writes <paramref name="count"/> synthetic events and runs the sequencer until they are all
    /// in the log (checkpoint included). Returns the leaves appended.
    /// </summary>
    public static async Task<long> AppendSyntheticAsync(LedgerSequencer sequencer, ITableClient cases, string tenantId, int count, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        await WritePendingAsync(cases, tenantId, count, recordedAt, cancellationToken);
        return await DrainAsync(sequencer, tenantId, cancellationToken);
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
