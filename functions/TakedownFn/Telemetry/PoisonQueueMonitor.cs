using TakedownFn.Functions;
using TakedownFn.Storage;

namespace TakedownFn.Telemetry;

/// <summary>
/// Reads the approximate depth of the poison queue of every queue-triggered function once a minute
/// for <see cref="AppMetrics.PoisonQueueDepth"/>: a message there is work the app gave up on.
/// Runs only when telemetry is exported.
/// </summary>
internal sealed partial class PoisonQueueMonitor(
    StorageClients clients, IReadOnlyList<FunctionDefinition> functions, StorageReadiness readiness, AppMetrics metrics, TimeProvider time, ILogger<PoisonQueueMonitor> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var poisonQueues = functions.Select(f => f.Trigger).OfType<QueueFunctionTrigger>()
            .Select(t => clients.PoisonOf(t.QueueName)).ToList();
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                var depths = await Task.WhenAll(poisonQueues.Select(async q =>
                    (q.Name, await q.ExistsAsync(stoppingToken) ? (long)(await q.GetPropertiesAsync(stoppingToken)).Value.ApproximateMessagesCount : 0L)));
                metrics.PoisonQueueDepths(depths);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed read only skips one report: an exception escaping a BackgroundService
                // would stop the whole host.
                LogReadFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "Poison queue depths could not be read")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
