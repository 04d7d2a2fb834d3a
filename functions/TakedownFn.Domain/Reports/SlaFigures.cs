using System.Text.Json.Serialization;

namespace TakedownFn.Domain.Reports;

/// <summary>
/// The additive figures of a set of cases: counters by name, and per SLA stage counters by outcome
/// and a histogram of completion times. One case's figures are a contribution; a rollup is their
/// sum. Everything adds and subtracts exactly, so folding a case's new contribution minus its old
/// one keeps a rollup equal to the sum over its cases.
/// </summary>
public sealed class SlaFigures
{
    [JsonPropertyName("counts")]
    public SortedDictionary<string, long> Counts { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("stages")]
    public SortedDictionary<string, StageFigures> Stages { get; init; } = new(StringComparer.Ordinal);

    /// <summary>True when every counter is zero (a rollup row with these figures can be deleted).</summary>
    [JsonIgnore]
    public bool IsEmpty => Counts.Count == 0 && Stages.Count == 0;

    public long Count(string name) => Counts.GetValueOrDefault(name);

    public void Increment(string name, long by = 1) => Bump(Counts, name, by);

    public StageFigures Stage(string stage)
    {
        if (!Stages.TryGetValue(stage, out var figures))
        {
            Stages[stage] = figures = new StageFigures();
        }

        return figures;
    }

    /// <summary>Adds <paramref name="other"/> (or subtracts it, with <paramref name="sign"/> −1); entries that reach zero are removed.</summary>
    public void Merge(SlaFigures other, int sign = 1)
    {
        foreach (var (name, value) in other.Counts)
        {
            Bump(Counts, name, sign * value);
        }

        foreach (var (stage, figures) in other.Stages)
        {
            var mine = Stage(stage);
            mine.Merge(figures, sign);
            if (mine.IsEmpty)
            {
                Stages.Remove(stage);
            }
        }
    }

    public SlaFigures Clone()
    {
        var copy = new SlaFigures();
        copy.Merge(this);
        return copy;
    }

    internal static void Bump(SortedDictionary<string, long> counts, string name, long by)
    {
        var value = counts.GetValueOrDefault(name) + by;
        if (value == 0)
        {
            counts.Remove(name);
        }
        else
        {
            counts[name] = value;
        }
    }
}

/// <summary>One stage's figures: how many cases ended in each outcome, and how long completion took.</summary>
public sealed class StageFigures
{
    [JsonPropertyName("counts")]
    public SortedDictionary<string, long> Counts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Time from the stage's clock start to its completing step (server times), for completed stages only.</summary>
    [JsonIgnore]
    public DurationHistogram Durations { get; private set; } = new();

    /// <summary>The histogram's buckets as stored (lowest value of the bucket in ms → count).</summary>
    [JsonPropertyName("durations")]
    public IReadOnlyDictionary<long, long> DurationBuckets
    {
        get => Durations.Buckets;
        init => Durations = DurationHistogram.FromBuckets(value);
    }

    [JsonIgnore]
    public bool IsEmpty => Counts.Count == 0 && Durations.Buckets.Count == 0;

    public long Count(string outcome) => Counts.GetValueOrDefault(outcome);

    public void Merge(StageFigures other, int sign = 1)
    {
        foreach (var (name, value) in other.Counts)
        {
            SlaFigures.Bump(Counts, name, sign * value);
        }

        Durations.Merge(other.Durations, sign);
    }
}
