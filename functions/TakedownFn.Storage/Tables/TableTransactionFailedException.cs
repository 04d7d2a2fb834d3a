using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// An entity group transaction the service refused; nothing of it was written. <see cref="Azure.RequestFailedException.Status"/>
/// and <see cref="Azure.RequestFailedException.ErrorCode"/> are those of the failing action (e.g. 409
/// <c>EntityAlreadyExists</c>, 412 <c>UpdateConditionNotSatisfied</c>), and
/// <see cref="FailedOperationIndex"/> is its zero-based position in the submitted actions.
/// </summary>
public sealed class TableTransactionFailedException : StorageRequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, string? requestId, int? failedOperationIndex)
        : base(status, message, errorCode, requestId)
    {
        FailedOperationIndex = failedOperationIndex;
    }

    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableTransactionFailedException()
    {
    }

    /// <summary>
    /// The zero-based index of the action that failed, or null when the service blamed the
    /// transaction as a whole (e.g. a malformed request).
    /// </summary>
    public int? FailedOperationIndex { get; }
}
