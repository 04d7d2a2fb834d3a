using TakedownFn.Storage.Core;
using TakedownFn.Storage.Queues;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Queues;

/// <summary>Update (lease renewal) and delete: the pop receipt rules the Functions host trips over.</summary>
public class QueueLeaseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Delete_CurrentPopReceipt_RemovesMessage()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("done");
        var message = Assert.Single(await queue.ReceiveMessagesAsync());

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessagesCount);
    }

    [Fact]
    public async Task Delete_UnknownMessage_ThrowsMessageNotFound()
    {
        var queue = await azurite.NewQueueAsync();
        var receipt = await queue.SendMessageAsync("x");

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => queue.DeleteMessageAsync(Guid.NewGuid().ToString(), receipt.PopReceipt));

        Assert.Equal(404, error.Status);
        Assert.Equal("MessageNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Delete_StalePopReceiptAfterUpdate_FailsAndNewReceiptSucceeds()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("work");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        var update = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(1));
        var stale = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        await queue.DeleteMessageAsync(message.MessageId, update.PopReceipt);

        Assert.NotEqual(message.PopReceipt, update.PopReceipt);
        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        Assert.True(stale.IsLostLease());
        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessagesCount);
    }

    [Fact]
    public async Task IsLostLease_DeletedMessageAndMissingQueue_TellsThemApart()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("x");
        var message = Assert.Single(await queue.ReceiveMessagesAsync());
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var gone = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        await queue.DeleteAsync();
        var noQueue = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));

        Assert.True(gone.IsLostLease());
        Assert.False(noQueue.IsLostLease());
        Assert.Equal("QueueNotFound", noQueue.ErrorCode);
    }

    [Fact]
    public async Task Update_ExtendsLease_MessageStaysHiddenUntilNewTime()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("long job");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        var update = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(10));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(await queue.ReceiveMessagesAsync(32));
        Assert.InRange(update.NextVisibleTime, DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(11));
        Assert.Equal(update.PopReceipt, message.With(update).PopReceipt);
        Assert.Equal("long job", message.With(update).MessageText);
    }

    [Fact]
    public async Task Update_ZeroVisibilityAndNewText_RedeliversNewTextNow()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("attempt 1");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero, "attempt 2 · ü");
        var again = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal(message.MessageId, again.MessageId);
        Assert.Equal("attempt 2 · ü", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Update_StalePopReceipt_ThrowsPopReceiptMismatch()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("x");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(1)));

        Assert.Equal(400, error.Status);
        Assert.Equal("PopReceiptMismatch", error.ErrorCode);
    }

    [Fact]
    public async Task Update_VisibilityBeyondSevenDays_ThrowsBeforeSending()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("x");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromDays(7.5)));
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }
}
