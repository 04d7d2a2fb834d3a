using System.Diagnostics;
using System.Globalization;

namespace TakedownFn.Evidence;

/// <summary>
/// The phases of a request as a <c>Server-Timing</c> header (W3C Server Timing): how long each
/// took since the previous mark, so a benchmark or a browser sees where a bundle's time goes.
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

    public override string ToString() => string.Join(", ", phases);
}
