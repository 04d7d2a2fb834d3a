namespace TakedownFn.Storage.Ledger;

/// <summary>How the ledger sequencer batches, leases and publishes.</summary>
public sealed record LedgerSequencerOptions
{
    /// <summary>Checkpoints are published at most this often (and only when the log grew).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Only events recorded at least this long ago are sequenced. A case writes step n+1 only
    /// after step n committed, so once a step is this old every earlier step of its case is
    /// visible too, and a case's steps cannot overtake each other in the log.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The sequencer lease (15–60 s); renewed every third of it while a run lasts.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The most pending events one run reads and sequences.</summary>
    public int MaxLeavesPerRun { get; init; } = 100_000;
}
