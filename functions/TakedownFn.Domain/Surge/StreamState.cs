namespace TakedownFn.Domain.Surge;

/// <summary>
/// What the detector keeps about one stream: its counts per bucket (only buckets within the window and
/// baseline, sparse), when it was first seen, and the open surge, if any. Immutable; stored as it is.
/// </summary>
/// <param name="Counts">Notices per bucket number (UTC ticks / bucket length); buckets with none are absent.</param>
/// <param name="FirstBucket">The bucket of the stream's first notice (its baseline cannot reach further back).</param>
/// <param name="OpenSurge">The surge now open, if one is.</param>
public sealed record StreamState(IReadOnlyDictionary<long, int> Counts, long? FirstBucket, OpenSurge? OpenSurge)
{
    /// <summary>A stream never seen.</summary>
    public static StreamState Empty { get; } = new(new Dictionary<long, int>(), null, null);
}

/// <summary>An open surge: when it fired and on which notice.</summary>
/// <param name="FiredAt">The time of the notice that fired it.</param>
/// <param name="FiredBy">That notice's id (its case).</param>
public sealed record OpenSurge(DateTimeOffset FiredAt, string FiredBy);
