using System.Diagnostics;
using System.Globalization;

namespace TakedownFn.Benchmarks;

/// <summary>
/// CPU time (user + system, Linux <c>/proc/{pid}/stat</c>) that two processes and their live
/// children (Azurite runs under a small Node.js host) spend from creation to <see cref="Shares"/>,
/// each as a share of one core over the wall time: a coarse profile that says which side of a run
/// is saturated.
/// </summary>
internal sealed class CpuTime(int first, int second)
{
    // USER_HZ, the unit of utime and stime, is 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;
    private readonly long _first = Ticks(first);
    private readonly long _second = Ticks(second);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public (double First, double Second) Shares()
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        return ((Ticks(first) - _first) / TicksPerSecond / seconds, (Ticks(second) - _second) / TicksPerSecond / seconds);
    }

    private static long Ticks(int pid)
    {
        var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return OwnTicks(pid) + children.Sum(child => Ticks(int.Parse(child, CultureInfo.InvariantCulture)));
    }

    private static long OwnTicks(int pid)
    {
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
