using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using TakedownFn.Storage.Accounts;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Accounts;

/// <summary>The options every SDK client of the app is built with, against Azurite.</summary>
public sealed class StorageClientSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PerCallPolicies_OperationCounter_CountsEachOperationOnceByResource()
    {
        var counter = new StorageOperationCounter();
        var settings = new StorageClientSettings();
        settings.PerCallPolicies.Add(counter);
        var table = azurite.Table(AzuriteFixture.UniqueName("count"), settings);
        var queue = azurite.Queue(AzuriteFixture.UniqueName("count"), settings);

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "a"));
        await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "b")), new(TableTransactionActionType.Add, new TableEntity("p", "c"))]);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("x");

        var counts = counter.Snapshot();
        Assert.Equal(1, counts["POST Tables"]);
        Assert.Equal(1, counts[$"POST {table.Name}"]);
        Assert.Equal(1, counts["POST $batch"]);
        Assert.Equal(1, counts[$"PUT {queue.Name}"]);
        Assert.Equal(1, counts[$"POST {queue.Name}"]);
        Assert.Equal(5, counter.Total);
    }

    [Fact]
    public async Task QueueOptions_MessageText_IsBase64OnTheWireAsTheFunctionsHostExpects()
    {
        var name = AzuriteFixture.UniqueName("b64");
        var queue = azurite.Queue(name);
        await queue.CreateIfNotExistsAsync();
        var raw = azurite.Account.CreateQueueServiceClient(new StorageClientSettings()).GetQueueClient(name);
        var plain = new QueueClient(azurite.Account.ToConnectionString(), name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await queue.SendMessageAsync("{\"tenant\":\"t1\",\"n\":1}");

        var onTheWire = Assert.Single((await plain.PeekMessagesAsync()).Value);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"tenant\":\"t1\",\"n\":1}")), onTheWire.MessageText);
        var decoded = Assert.Single((await raw.PeekMessagesAsync()).Value);
        Assert.Equal("{\"tenant\":\"t1\",\"n\":1}", decoded.MessageText);
    }
}
