using TakedownFn.Functions;

namespace TakedownFn.Storage;

/// <summary>
/// Creates the app's queues, tables and containers at start-up, in the background so that the
/// app answers (health says what is missing) while storage is still unreachable, retrying until it is.
/// Pumps and timers wait for it through <see cref="StorageReadiness"/>.
/// </summary>
internal sealed partial class StorageProvisioner(
    StorageClients clients, StorageReadiness readiness, ILogger<StorageProvisioner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureAsync(stoppingToken);
                readiness.MarkReady();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotReady(logger, e, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    /// <summary>Creates whatever is missing; existing resources are left as they are.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            clients.Queues.Select(q => (Task)q.CreateIfNotExistsAsync(cancellationToken: cancellationToken))
                .Concat(clients.Tables.Select(t => (Task)t.CreateIfNotExistsAsync(cancellationToken)))
                .Concat(clients.Containers.Select(c => (Task)c.CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
        LogReady(logger, clients.Queues.Count, clients.Tables.Count, clients.Containers.Count);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Storage is not ready; retrying in {Seconds} s")]
    private static partial void LogNotReady(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Storage ready: {Queues} queues, {Tables} tables, {Containers} containers")]
    private static partial void LogReady(ILogger logger, int queues, int tables, int containers);
}
