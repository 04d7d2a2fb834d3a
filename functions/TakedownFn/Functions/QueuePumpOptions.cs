namespace TakedownFn.Functions;

/// <summary>Standalone queue trigger settings, mirroring host.json's <c>extensions.queues</c>.</summary>
internal sealed record QueuePumpOptions
{
    public int BatchSize { get; init; } = 16;

    /// <summary>Fetch the next batch once no more than this many messages are still being handled (the host's default: half a batch per core).</summary>
    public int NewBatchThreshold { get; init; } = 8 * Environment.ProcessorCount;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a received message stays invisible; renewed at half this while handled.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a failed message stays invisible before its next try.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MinPollingInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(2);
}
