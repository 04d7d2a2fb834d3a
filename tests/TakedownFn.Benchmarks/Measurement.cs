using System.Diagnostics;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Runs an operation from several concurrent workers for a fixed time and counts completions.
/// Each case is measured against its floor in alternating rounds in the same run, so machine
/// noise hits both sides alike; the best round of each side is reported.
/// </summary>
internal static class Measurement
{
    // Every operation of the run gets its own number, so rounds never reuse a key.
    private static int _sequence;

    public static async Task<double> OperationsPerSecondAsync(Func<int, Task<int>> operation, int workers, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            long done = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                // An operation may complete several logical operations (a batch of 100 counts 100).
                done += await operation(Interlocked.Increment(ref _sequence));
            }

            return done;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Measures both sides in alternating rounds; <paramref name="beforeEachRound"/> (not timed)
    /// resets shared state, e.g. refills a queue, so that every round starts alike.
    /// </summary>
    public static async Task<(double Floor, double Client)> CompareAsync(
        Func<int, Task<int>> floor, Func<int, Task<int>> client, int workers, TimeSpan duration, int rounds, Func<Task>? beforeEachRound = null)
    {
        beforeEachRound ??= () => Task.CompletedTask;
        // Warm both paths (connections, JIT) before anything counts.
        await beforeEachRound();
        await OperationsPerSecondAsync(floor, workers, TimeSpan.FromSeconds(0.5));
        await beforeEachRound();
        await OperationsPerSecondAsync(client, workers, TimeSpan.FromSeconds(0.5));
        double bestFloor = 0, bestClient = 0;
        for (var round = 0; round < rounds; round++)
        {
            await beforeEachRound();
            bestFloor = Math.Max(bestFloor, await OperationsPerSecondAsync(floor, workers, duration));
            await beforeEachRound();
            bestClient = Math.Max(bestClient, await OperationsPerSecondAsync(client, workers, duration));
        }

        return (bestFloor, bestClient);
    }
}
