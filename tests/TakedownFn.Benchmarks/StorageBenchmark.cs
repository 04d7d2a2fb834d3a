using Azure.Data.Tables;
using Azure.Storage.Queues;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Operations per second through the official SDK clients (with the app's client settings)
/// against the bare-HttpClient floor making the same REST calls, on the same Azurite, in
/// alternating rounds, per operation.
/// </summary>
internal static class StorageBenchmark
{
    public static async Task RunAsync(AzuriteServer azurite, Settings settings)
    {
        var floor = new FloorRequests(azurite.Account);
        TableClient table = null!;
        var queue = azurite.Queue($"bench-{Guid.NewGuid():N}"[..20]);
        await queue.CreateIfNotExistsAsync();
        var run = Guid.NewGuid().ToString("N")[..8];

        Report.Header("storage: operations per second, the official SDK clients vs a bare HttpClient loop (the floor)");
        // Each round writes into a fresh table: Azurite's cost per write grows with the table, which
        // would otherwise penalise whichever side runs later.
        async Task FreshTable()
        {
            table = azurite.Table($"bench{Guid.NewGuid():N}"[..20]);
            await table.CreateIfNotExistsAsync();
        }

        await Compare("table insert", settings,
            async i => { await floor.TableInsertAsync(table.Name, $"f{run}{i % 16}", $"{i}"); return 1; },
            async i => { await table.AddEntityAsync(Entity($"c{run}{i % 16}", $"{i}")); return 1; },
            FreshTable);

        await Compare("table batch of 100 (entities/s)", settings,
            async i => { await floor.TableBatchAsync(table.Name, $"fb{run}{i}", Keys(100)); return 100; },
            async i =>
            {
                await table.SubmitTransactionAsync(Keys(100).Select(k => new TableTransactionAction(TableTransactionActionType.Add, Entity($"cb{run}{i}", k))));
                return 100;
            },
            FreshTable);

        await Compare("queue send", settings,
            async i => { await floor.QueueSendAsync(queue.Name, "{\"tenant\":\"t0\",\"cases\":[\"x\"]}"); return 1; },
            async i => { await queue.SendMessageAsync("{\"tenant\":\"t0\",\"cases\":[\"x\"]}"); return 1; });

        // Azurite's receive scans every message of the account, so the send rounds' messages go
        // first, and each round gets a fresh queue of 1,000 (else later rounds pay for earlier ones).
        await queue.DeleteAsync();
        QueueClient? work = null;
        async Task Refill()
        {
            if (work is not null)
            {
                await work.DeleteAsync();
            }

            work = azurite.Queue($"bench-rd-{Guid.NewGuid():N}"[..22]);
            await work.CreateIfNotExistsAsync();
            await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await floor.QueueSendAsync(work.Name, "{\"m\":1}");
                }
            }));
        }

        await Compare("queue receive+delete", settings,
            async _ => await floor.QueueReceiveDeleteAsync(work!.Name),
            async _ =>
            {
                var messages = (await work!.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value;
                foreach (var m in messages)
                {
                    await work.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }

                return messages.Length;
            },
            Refill);
    }

    private static async Task Compare(string name, Settings settings, Func<int, Task<int>> floor, Func<int, Task<int>> client, Func<Task>? beforeEachRound = null)
    {
        var (f, c) = await Measurement.CompareAsync(floor, client, settings.Workers, settings.Duration, settings.Rounds, beforeEachRound);
        Report.Ratio(name, f, c, target: 0.9);
    }

    private static TableEntity Entity(string partitionKey, string rowKey) => new(partitionKey, rowKey) { ["Kind"] = "bench", ["Count"] = 42L };

    private static List<string> Keys(int count) => Enumerable.Range(0, count).Select(k => $"{k:D3}").ToList();
}
