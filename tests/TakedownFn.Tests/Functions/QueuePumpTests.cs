using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using TakedownFn.Functions;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Functions;

/// <summary>The standalone queue trigger against real Azurite queues, with handlers that succeed, fail or take long.</summary>
public sealed class QueuePumpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly QueuePumpOptions Fast = new()
    {
        Lease = TimeSpan.FromSeconds(2),
        RetryDelay = TimeSpan.Zero,
        MinPollingInterval = TimeSpan.FromMilliseconds(50),
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Pump_HandlerSucceeds_DeletesTheMessage()
    {
        var (queue, poison) = await QueuesAsync();
        var handler = new RecordingHandler(_ => Task.CompletedTask);
        await queue.SendMessageAsync("{\"n\":1}");

        await RunUntilAsync(queue, poison, handler, async () => handler.Deliveries.Count == 1 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);

        Assert.Equal("{\"n\":1}", Assert.Single(handler.Deliveries).Text);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Pump_HandlerAlwaysFails_MovesToPoisonAfterFiveDequeues()
    {
        var (queue, poison) = await QueuesAsync();
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("boom"));
        await queue.SendMessageAsync("{\"n\":2}");

        await RunUntilAsync(queue, poison, handler, async () => (await poison.PeekMessagesAsync()).Value.Length == 1);

        Assert.Equal([1L, 2, 3, 4, 5], handler.Deliveries.Select(d => d.DequeueCount));
        Assert.Equal("{\"n\":2}", Assert.Single((await poison.PeekMessagesAsync()).Value).MessageText);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Pump_HandlerOutlivesTheLease_RenewsItAndRunsOnce()
    {
        var (queue, poison) = await QueuesAsync();
        var handler = new RecordingHandler(ct => Task.Delay(TimeSpan.FromSeconds(5), ct));
        await queue.SendMessageAsync("{\"n\":3}");

        await RunUntilAsync(queue, poison, handler, async () => handler.Completed == 1 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);

        Assert.Single(handler.Deliveries);
        Assert.Empty((await poison.PeekMessagesAsync()).Value);
    }

    private async Task<(QueueClient Queue, QueueClient Poison)> QueuesAsync()
    {
        var name = AzuriteFixture.UniqueName("pump");
        var queue = azurite.Queue(name);
        var poison = azurite.Queue($"{name}-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        return (queue, poison);
    }

    private static async Task RunUntilAsync(QueueClient queue, QueueClient poison, RecordingHandler handler, Func<Task<bool>> done)
    {
        var readiness = new StorageReadiness();
        readiness.MarkReady();
        var function = new FunctionDefinition("Test", new QueueFunctionTrigger(queue.Name), typeof(RecordingHandler));
        using var pump = new QueuePump(function, queue, poison, handler, Fast, readiness, NullLogger<QueuePump>.Instance);
        await pump.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.GetAsync(done, finished => finished, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await pump.StopAsync(CancellationToken.None);
        }
    }

    private sealed class RecordingHandler(Func<CancellationToken, Task> behaviour) : IQueueHandler
    {
        private int _completed;

        public List<QueueDelivery> Deliveries { get; } = [];

        public int Completed => _completed;

        public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
        {
            lock (Deliveries)
            {
                Deliveries.Add(delivery);
            }

            await behaviour(cancellationToken);
            Interlocked.Increment(ref _completed);
        }
    }
}
