using TakedownFn.Storage.Core;
using TakedownFn.Storage.Queues;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Queues;

public class QueueClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreateIfNotExists_NewQueue_ReturnsTrue()
    {
        var queue = new QueueClient(azurite.Connection, AzuriteFixture.UniqueName("create"));

        Assert.True(await queue.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task CreateIfNotExists_ExistingQueue_ReturnsFalse()
    {
        var queue = await azurite.NewQueueAsync();

        Assert.False(await queue.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task CreateIfNotExists_ExistingQueueWithOtherMetadata_ReturnsFalseAndKeepsMetadata()
    {
        var queue = new QueueClient(azurite.Connection, AzuriteFixture.UniqueName("meta"));
        await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "ledger" });

        var created = await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "someone-else" });

        Assert.False(created);
        var properties = await queue.GetPropertiesAsync();
        Assert.Equal("ledger", properties.Metadata["owner"]);
    }

    [Fact]
    public async Task Delete_MissingQueue_ThrowsQueueNotFound()
    {
        var queue = new QueueClient(azurite.Connection, AzuriteFixture.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteIfExists_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var queue = await azurite.NewQueueAsync();

        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task GetProperties_ThreeMessages_ApproximateCountIsThree()
    {
        var queue = await azurite.NewQueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var properties = await queue.GetPropertiesAsync();

        Assert.Equal(3, properties.ApproximateMessagesCount);
    }

    [Fact]
    public async Task GetProperties_MissingQueue_ThrowsQueueNotFound()
    {
        var queue = new QueueClient(azurite.Connection, AzuriteFixture.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.GetPropertiesAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task ClearMessages_QueueWithMessages_LeavesItEmpty()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("one");
        await queue.SendMessageAsync("two");

        await queue.ClearMessagesAsync();

        Assert.Empty(await queue.PeekMessagesAsync(32));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessagesCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public void Constructor_InvalidName_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new QueueClient(azurite.Connection, name));
    }
}
