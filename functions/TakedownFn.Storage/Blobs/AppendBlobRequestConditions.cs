namespace TakedownFn.Storage.Blobs;

/// <summary>Conditions for Append Block, adding the append-position check (412 <c>AppendPositionConditionNotMet</c>).</summary>
public sealed class AppendBlobRequestConditions : BlobRequestConditions
{
    /// <summary>Append only if the blob is exactly this long now (<c>x-ms-blob-condition-appendpos</c>), so no writer appends twice.</summary>
    public long? IfAppendPositionEqual { get; init; }
}
