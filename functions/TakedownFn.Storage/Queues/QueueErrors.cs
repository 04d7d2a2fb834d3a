using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Queues;

/// <summary>Classifies queue failures that callers must handle alike.</summary>
public static class QueueErrors
{
    /// <summary>
    /// True when a delete or update failed because the caller's lease on the message is gone: the
    /// pop receipt is stale (400 <c>PopReceiptMismatch</c>) or the message is no longer there under it
    /// (404 <c>MessageNotFound</c>, which Azure also answers for a stale receipt). The message will be
    /// (or was) delivered again, so the handler's work must be idempotent.
    /// </summary>
    public static bool IsLostLease(this StorageRequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception.Status, exception.ErrorCode) is (400, "PopReceiptMismatch") or (404, "MessageNotFound");
    }
}
