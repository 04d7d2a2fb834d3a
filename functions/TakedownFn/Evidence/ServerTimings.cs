using System.Diagnostics;
using System.Globalization;

namespace TakedownFn.Evidence;

/// <summary>
/// The phases of a request as a <c>Server-Timing</c> header (W3C Server Timing): how long each
/// took since the previous mark, so a benchmark or a browser sees where a bundle's time goes (and whether a
/// report came from the report cache).
/// Names and durations only, nothing of the case.
/// </summary>
internal sealed class ServerTimings
{
    private readonly List<string> phases = [];
    private long last = Stopwatch.GetTimestamp();

    /// <summary>Ends the phase <paramref name="name"/> now.</summary>
    public void Mark(string name)
    {
        var now = Stopwatch.GetTimestamp();
        phases.Add(string.Create(CultureInfo.InvariantCulture, $"{name};dur={Stopwatch.GetElapsedTime(last, now).TotalMilliseconds:F1}"));
        last = now;
    }

    /// <summary>Adds an entry without a duration, e.g. <c>cache;desc="hit"</c> (<paramref name="description"/> is a fixed word, never data).</summary>
    public void Describe(string name, string description) => phases.Add($"{name};desc=\"{description}\"");

    public override string ToString() => string.Join(", ", phases);
}
