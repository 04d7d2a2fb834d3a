namespace TakedownFn.Storage.Ledger;

/// <summary>What one sequencer run did for a tenant.</summary>
/// <param name="Leased">False when another instance held the tenant's lease (nothing was done).</param>
/// <param name="Appended">Leaves appended.</param>
/// <param name="Checkpoint">The tree size of the checkpoint published, if one was.</param>
public sealed record SequencerRun(bool Leased, long Appended, long? Checkpoint)
{
    public static SequencerRun Busy { get; } = new(false, 0, null);
}
