using Azure;

namespace TakedownFn.Functions;

/// <summary>How the queue service says a received message is no longer ours to settle.</summary>
internal static class QueueReceipts
{
    /// <summary>
    /// The message is gone or was received again (its pop receipt is stale): Azure answers 404
    /// <c>MessageNotFound</c>, Azurite 400 <c>PopReceiptMismatch</c>.
    /// </summary>
    public static bool IsLost(RequestFailedException e) =>
        e.Status == 404 || (e.Status == 400 && e.ErrorCode == "PopReceiptMismatch");
}
