using Azure;
using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

/// <summary>A batch request recorded under its <c>Idempotency-Key</c>: what it was and what it was answered.</summary>
/// <param name="RequestHash">A hash of the batch as submitted, to tell a retry from a key reused for another batch.</param>
/// <param name="Answer">The answer's body (JSON: ids, statuses and field names, no submitted values).</param>
public sealed record BatchRecord(string RequestHash, byte[] Answer);

public sealed partial class CaseStore
{
    // A string or binary property holds at most 64 KiB; a batch answer is split across properties
    // (an entity holds up to 1 MiB, far more than 100 answers with their errors take).
    private const int AnswerChunkBytes = 60 * 1024;

    /// <summary>The batch recorded under this key, or null when there is none.</summary>
    public async Task<BatchRecord?> GetBatchAsync(string tenantId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(tenantId, CaseKeys.BatchKey(idempotencyKey), cancellationToken: cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var answer = new MemoryStream();
        for (var i = 0; entity.GetBinary($"Answer{i}") is { } chunk; i++)
        {
            answer.Write(chunk);
        }

        return new BatchRecord(entity.GetString("RequestHash")!, answer.ToArray());
    }

    /// <summary>
    /// Records a batch's answer under its key; false when another request recorded one first (the
    /// caller then answers with that one).
    /// </summary>
    public async Task<bool> TryAddBatchAsync(string tenantId, string idempotencyKey, BatchRecord batch, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(tenantId, CaseKeys.BatchKey(idempotencyKey)) { ["RequestHash"] = batch.RequestHash, ["RecordedAt"] = at };
        for (var (i, offset) = (0, 0); offset < batch.Answer.Length; i++, offset += AnswerChunkBytes)
        {
            entity[$"Answer{i}"] = batch.Answer[offset..Math.Min(batch.Answer.Length, offset + AnswerChunkBytes)];
        }

        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
