namespace TakedownFn.Ledger.Checkpoints;

/// <summary>Signs checkpoints as signed notes with the log's key.</summary>
public sealed class CheckpointSigner(NoteSigner signer)
{
    private readonly NoteSigner signer = signer ?? throw new ArgumentNullException(nameof(signer));

    /// <summary>Returns the signed checkpoint note text.</summary>
    public string Sign(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return signer.Sign(checkpoint.ToNoteText());
    }
}
