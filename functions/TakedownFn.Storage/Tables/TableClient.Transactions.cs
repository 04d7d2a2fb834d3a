using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The most actions one entity group transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>The largest <c>$batch</c> body the service accepts.</summary>
    internal const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Applies all <paramref name="actions"/> atomically (an entity group transaction): all succeed,
    /// or none is written. The actions must number 1–100, share one PartitionKey and touch each entity
    /// once; this is checked before sending.
    /// </summary>
    /// <returns>The new ETag of each action, in order; <c>default</c> for deletes.</returns>
    /// <exception cref="ArgumentException">The actions break a transaction rule; nothing was sent.</exception>
    /// <exception cref="TableTransactionFailedException">
    /// The service refused an action; <see cref="TableTransactionFailedException.FailedOperationIndex"/> says which.
    /// </exception>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions as IReadOnlyList<TableTransactionAction> ?? actions.ToList();
        ValidateTransaction(list);

        var id = Guid.NewGuid().ToString("D");
        var batchBoundary = $"batch_{id}";
        using var body = new PooledBufferWriter(list.Count * 512);
        TableTransactionRequest.Write(body, batchBoundary, $"changeset_{id}", _tableUri.AbsoluteUri, list);
        if (body.WrittenCount > MaxTransactionBytes)
        {
            throw new ArgumentException($"The transaction body is {body.WrittenCount.ToString(CultureInfo.InvariantCulture)} bytes; a transaction holds at most 4 MiB.", nameof(actions));
        }

        using var message = CreateMessage(RequestMethod.Post, _batchUri, NoMetadata);
        message.Request.Headers.Add("Content-Type", TableTransactionRequest.ContentType(batchBoundary));
        message.Request.Content = RequestContent.Create(body.WrittenMemory);
        await _pipeline.SendAsync(message, cancellationToken);
        return ReadTransactionResult(message.Response, list);
    }

    private IReadOnlyList<ETag> ReadTransactionResult(Response response, IReadOnlyList<TableTransactionAction> actions)
    {
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        var operation = $"Transaction of {actions.Count} actions on {Name}";
        if (response.IsError)
        {
            // The service refused the request as a whole (no multipart answer to read).
            var whole = StorageRequestFailedException.FromResponse(response, operation);
            throw new TableTransactionFailedException(whole.Status, whole.Message, whole.ErrorCode, requestId, failedOperationIndex: null);
        }

        var inner = TableTransactionResponse.Parse(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        foreach (var part in inner)
        {
            if (part.Status >= 400)
            {
                var failure = TableTransactionResponse.ReadFailure(part, actions.Count);
                var at = failure.Index is { } index
                    ? $"action {index.ToString(CultureInfo.InvariantCulture)} ({actions[index].ActionType})"
                    : "an unidentified action";
                var text = $"{operation} failed at {at} with {failure.Status} {failure.ErrorCode}"
                    + (failure.Message is null ? "." : $": {failure.Message}")
                    + (requestId is null ? string.Empty : $" (request id {requestId})");
                throw new TableTransactionFailedException(failure.Status, text, failure.ErrorCode, requestId, failure.Index);
            }
        }

        if (inner.Count != actions.Count)
        {
            throw new TableTransactionFailedException(response.Status, $"{operation}: the answer held {inner.Count} responses for {actions.Count} actions.", null, requestId, null);
        }

        var etags = new ETag[actions.Count];
        for (var i = 0; i < inner.Count; i++)
        {
            var slot = inner[i].ContentId is { } contentId && contentId >= 1 && contentId <= actions.Count ? contentId - 1 : i;
            etags[slot] = inner[i].ETag is { } etag ? new ETag(etag) : default;
        }

        return etags;
    }

    private static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds at most {MaxTransactionActions} actions; got {actions.Count}.", nameof(actions));
        }

        var rowKeys = new Dictionary<string, int>(actions.Count, StringComparer.Ordinal);
        var partitionKey = actions[0]?.Entity.PartitionKey;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException($"Action {i} is null.", nameof(actions));
            var entity = action.Entity;
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableKey.Validate(entity.PartitionKey, nameof(TableEntity.PartitionKey), nameof(actions));
                TableKey.Validate(entity.RowKey, nameof(TableEntity.RowKey), nameof(actions));
            }
            else
            {
                TableEntityLimits.Validate(entity, nameof(actions));
            }

            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"All actions of a transaction share one PartitionKey; action {i} has another than action 0.", nameof(actions));
            }

            if (!rowKeys.TryAdd(entity.RowKey, i))
            {
                throw new ArgumentException($"Actions {rowKeys[entity.RowKey]} and {i} address the same entity; a transaction may touch each entity once.", nameof(actions));
            }

            if (action.ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace && action.IfMatch is null)
            {
                throw new ArgumentException($"Action {i} ({action.ActionType}) has no ETag; pass the one read with the entity, or ETag.All to update any version.", nameof(actions));
            }
        }
    }
}
