using TakedownFn.Storage;

namespace TakedownFn.Functions;

/// <summary>
/// Standalone mode: one queue pump per queue function and one timer per timer function, started and
/// stopped together; a function disabled by <see cref="FunctionSwitches"/> gets none.
/// </summary>
internal sealed class FunctionPumps : IHostedService
{
    private readonly IReadOnlyList<BackgroundService> _pumps;

    public FunctionPumps(IServiceProvider services)
    {
        var clients = services.GetRequiredService<StorageClients>();
        var readiness = services.GetRequiredService<StorageReadiness>();
        var options = services.GetRequiredService<QueuePumpOptions>();
        var configuration = services.GetRequiredService<IConfiguration>();
        _pumps = services.GetRequiredService<IReadOnlyList<FunctionDefinition>>()
            .Where(function => !FunctionSwitches.IsDisabled(configuration, function.Name))
            .Select(BackgroundService? (function) => function.Trigger switch
        {
            QueueFunctionTrigger queue => new QueuePump(
                function,
                clients.Queue(queue.QueueName),
                clients.PoisonOf(queue.QueueName),
                (IQueueHandler)services.GetRequiredService(function.Handler!),
                options,
                readiness,
                services.GetRequiredService<ILogger<QueuePump>>()),
            TimerFunctionTrigger timer => new TimerPump(
                function,
                timer,
                (ITimerHandler)services.GetRequiredService(function.Handler!),
                readiness,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<TimerPump>>()),
            _ => null,
        }).OfType<BackgroundService>().ToList();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.WhenAll(_pumps.Select(p => p.StartAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_pumps.Select(p => p.StopAsync(cancellationToken)));
}
