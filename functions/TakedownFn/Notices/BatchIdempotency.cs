using System.Security.Cryptography;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Notices;

/// <summary>What a batch with an <c>Idempotency-Key</c> came to: its answer (null when the key names another batch) and whether it is a replay.</summary>
internal sealed record BatchOutcome(byte[]? Answer, bool Replayed);

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/notices/batch</c>: the first request's answer is recorded
/// under the key, and a retry of the same batch gets that answer again.
/// </summary>
/// <remarks>
/// The answer is recorded after the notices are accepted (a batch spans several transactions, so
/// it cannot be one with them). A retry that arrives before it is recorded, or after a crash in
/// between, runs again: every notice is then found by its platform reference and nothing is
/// created twice, though its entries say <c>replayed</c>. Two concurrent first attempts both end
/// with the answer recorded first.
/// </remarks>
internal sealed class BatchIdempotency(CaseStore cases, TimeProvider time)
{
    public async Task<BatchOutcome> RunAsync(string tenantId, string key, ReadOnlyMemory<byte> body, Func<CancellationToken, Task<byte[]>> accept, CancellationToken cancellationToken)
    {
        // The bytes as sent: a retry resends the same request, and the batch may hold anything.
        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Span));
        if (await cases.GetBatchAsync(tenantId, key, cancellationToken) is { } earlier)
        {
            return Replay(earlier, hash);
        }

        var answer = await accept(cancellationToken);
        if (await cases.TryAddBatchAsync(tenantId, key, new BatchRecord(hash, answer), time.GetUtcNow(), cancellationToken))
        {
            return new BatchOutcome(answer, Replayed: false);
        }

        var first = await cases.GetBatchAsync(tenantId, key, cancellationToken)
            ?? throw new InvalidOperationException("A batch recorded under this key cannot be found.");
        return Replay(first, hash);
    }

    private static BatchOutcome Replay(BatchRecord earlier, string hash) =>
        earlier.RequestHash == hash ? new BatchOutcome(earlier.Answer, Replayed: true) : new BatchOutcome(null, Replayed: false);
}
