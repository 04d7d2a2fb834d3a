using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

public sealed partial class CaseStore
{
    /// <summary>A batch request must stay under 4 MiB; keep a margin for the multipart framing.</summary>
    private const long MaxTransactionBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Accepts notices for one tenant: per notice, its case row, its <c>received</c> step, its
    /// reference and idempotency index rows and its outbox row, in transactions of up to 100 rows.
    /// A notice whose reference or key was accepted before (also concurrently) answers with that
    /// earlier case and writes nothing.
    /// </summary>
    public async Task<IReadOnlyList<AcceptResult>> AcceptAsync(string tenantId, IReadOnlyList<NewCase> cases, CancellationToken cancellationToken = default)
    {
        var results = new AcceptResult?[cases.Count];
        // A reference or key repeated inside one request: the first occurrence is written, the
        // rest resolve to it afterwards.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new List<int>();
        var repeats = new List<int>();
        for (var i = 0; i < cases.Count; i++)
        {
            var keys = IndexRows(cases[i]);
            (keys.All(seen.Add) ? firsts : repeats).Add(i);
        }

        var pending = new Queue<int>(firsts);
        var chunk = new List<int>();
        while (pending.Count > 0)
        {
            chunk.Clear();
            var (operations, bytes) = (0, 0L);
            while (pending.Count > 0
                   && operations + RowsOf(cases[pending.Peek()]) <= MaxOperationsPerTransaction - (reportTodos ? 1 : 0)
                   && (chunk.Count == 0 || bytes + WireBytesOf(cases[pending.Peek()]) <= MaxTransactionBytes))
            {
                var next = pending.Dequeue();
                chunk.Add(next);
                operations += RowsOf(cases[next]);
                bytes += WireBytesOf(cases[next]);
            }

            await AcceptChunkAsync(tenantId, cases, chunk, results, cancellationToken);
        }

        foreach (var i in repeats)
        {
            results[i] = await ResolveExistingAsync(tenantId, cases[i], cancellationToken);
        }

        return results.Select(r => r!).ToList();
    }

    private async Task AcceptChunkAsync(string tenantId, IReadOnlyList<NewCase> cases, List<int> chunk, AcceptResult?[] results, CancellationToken cancellationToken)
    {
        var remaining = new List<int>(chunk);
        while (remaining.Count > 0)
        {
            var actions = new List<TableTransactionAction>();
            var owner = new List<int>();
            foreach (var i in remaining)
            {
                foreach (var row in Rows(tenantId, cases[i]))
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
                    owner.Add(i);
                }
            }

            if (reportTodos)
            {
                // Last, so a failing index still names a notice's row.
                actions.Add(ReportChangeMarker(tenantId));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                foreach (var i in remaining)
                {
                    results[i] = new AcceptResult(AcceptStatus.Accepted, cases[i].Case.CaseId);
                }

                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // One notice collided with an earlier one; answer it with that case and retry the
                // rest. Without an index, fall back to one notice at a time.
                var failed = e.FailedTransactionActionIndex is { } index && index < owner.Count ? owner[index] : remaining[0];
                if (remaining.Count > 1 && e.FailedTransactionActionIndex is null)
                {
                    foreach (var i in remaining)
                    {
                        await AcceptChunkAsync(tenantId, cases, [i], results, cancellationToken);
                    }

                    return;
                }

                results[failed] = await ResolveExistingAsync(tenantId, cases[failed], cancellationToken);
                remaining.Remove(failed);
            }
        }
    }

    /// <summary>The earlier case a colliding notice refers to, by idempotency key first, then by reference.</summary>
    private async Task<AcceptResult> ResolveExistingAsync(string tenantId, NewCase notice, CancellationToken cancellationToken)
    {
        if (notice.IdempotencyKey is { } key)
        {
            var byKey = await table.GetEntityOrNullAsync(tenantId, CaseKeys.IdempotencyKey(key), cancellationToken: cancellationToken);
            if (byKey is not null)
            {
                var status = byKey.GetString("RequestHash") == notice.RequestHash ? AcceptStatus.Existing : AcceptStatus.KeyReused;
                return new AcceptResult(status, byKey.GetString("CaseId")!);
            }
        }

        var byReference = await table.GetEntityOrNullAsync(tenantId, CaseKeys.Reference(notice.Case.PlatformReference), cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("A notice collided with an earlier one that cannot be found.");

        // A reference row written before references carried their notice's hash replays as it did.
        var reused = byReference.GetString("RequestHash") is { } hash && hash != notice.RequestHash;
        return new AcceptResult(reused ? AcceptStatus.ReferenceReused : AcceptStatus.Existing, byReference.GetString("CaseId")!);
    }

    private static IEnumerable<string> IndexRows(NewCase notice) =>
        notice.IdempotencyKey is { } key
            ? [CaseKeys.Reference(notice.Case.PlatformReference), CaseKeys.IdempotencyKey(key)]
            : [CaseKeys.Reference(notice.Case.PlatformReference)];

    private int RowsOf(NewCase notice) => (notice.IdempotencyKey is null ? 5 : 6) + (reportTodos ? 1 : 0);

    /// <summary>A generous estimate of a notice's share of a batch request: base64 of the notice plus the other rows.</summary>
    private static long WireBytesOf(NewCase notice) => (notice.Notice.Length * 4L / 3) + 8 * 1024;

    private IEnumerable<TableEntity> Rows(string tenantId, NewCase notice)
    {
        var caseId = notice.Case.CaseId;
        yield return CaseEntityMapping.ToEntity(notice.Case with { ETag = default }, notice.Notice, cipher);
        yield return CaseEntityMapping.ToEntity(tenantId, notice.Received);
        yield return CaseEntityMapping.ToPendingLeaf(tenantId, notice.Received, notice.Case.PolicyId, Ledger.LeafFactsOf.From(notice.Case, notice.Received).ToJson().ToJsonString());
        yield return new TableEntity(tenantId, CaseKeys.Reference(notice.Case.PlatformReference)) { ["CaseId"] = caseId, ["RequestHash"] = notice.RequestHash };
        if (notice.IdempotencyKey is { } key)
        {
            yield return new TableEntity(tenantId, CaseKeys.IdempotencyKey(key)) { ["CaseId"] = caseId, ["RequestHash"] = notice.RequestHash };
        }

        yield return new TableEntity(tenantId, CaseKeys.Outbox(caseId)) { ["CaseId"] = caseId, ["AcceptedAt"] = notice.Case.AcceptedAt };
        if (reportTodos)
        {
            yield return ReportTodo(tenantId, caseId);
        }
    }
}
