namespace TakedownFn.Functions;

/// <summary>Standalone mode's timer trigger: runs a timer function every period, never overlapping itself.</summary>
internal sealed partial class TimerPump(
    FunctionDefinition function,
    TimerFunctionTrigger trigger,
    ITimerHandler handler,
    StorageReadiness readiness,
    TimeProvider time,
    ILogger<TimerPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(trigger.Period, time);
        do
        {
            try
            {
                await handler.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, e, function.Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Error, Message = "{Function}: timer run failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string function);
}
