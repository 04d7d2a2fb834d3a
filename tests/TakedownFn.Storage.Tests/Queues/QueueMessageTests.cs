using System.Diagnostics;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Queues;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Queues;

public class QueueMessageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("plain ascii")]
    [InlineData("{\"notice\":\"n-1\",\"tenant\":\"t-9\"}")]
    [InlineData("Grüße, 東京, emoji 🎉, RTL עברית")]
    [InlineData("<xml & \"quotes\"/>")]
    public async Task Receive_SentText_ReturnsDecodedText(string text)
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync(text);

        var message = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal(text, message.MessageText);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), message.Body.ToArray());
        Assert.Equal(Convert.ToBase64String(message.Body.ToArray()), message.EncodedMessageText);
    }

    [Fact]
    public async Task Receive_SentBytes_ReturnsSameBytes()
    {
        var queue = await azurite.NewQueueAsync();
        byte[] body = [0, 1, 2, 0xFE, 0xFF, (byte)'<', (byte)'&'];
        await queue.SendMessageAsync(new BinaryData(body));

        var message = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal(body, message.Body.ToArray());
    }

    [Fact]
    public async Task Send_Text_ReturnsIdPopReceiptAndTimes()
    {
        var queue = await azurite.NewQueueAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var receipt = await queue.SendMessageAsync("hello");

        Assert.NotEmpty(receipt.MessageId);
        Assert.NotEmpty(receipt.PopReceipt);
        Assert.InRange(receipt.InsertionTime, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(receipt.InsertionTime.AddDays(7), receipt.ExpirationTime);
        Assert.Equal(receipt.InsertionTime, receipt.NextVisibleTime);
        var received = Assert.Single(await queue.ReceiveMessagesAsync());
        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(receipt.InsertionTime, received.InsertionTime);
    }

    [Fact]
    public async Task Send_WithTwoSecondDelay_InvisibleUntilDelayPasses()
    {
        var queue = await azurite.NewQueueAsync();
        var clock = Stopwatch.StartNew();

        var receipt = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromSeconds(2));

        Assert.Equal(receipt.InsertionTime.AddSeconds(2), receipt.NextVisibleTime);
        Assert.Empty(await queue.ReceiveMessagesAsync());
        var message = await queue.PollAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(message);
        Assert.Equal("later", message.MessageText);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"visible after {clock.Elapsed}");
    }

    [Fact]
    public async Task Send_NeverExpires_ExpirationIsFarFuture()
    {
        var queue = await azurite.NewQueueAsync();

        var receipt = await queue.SendMessageAsync("forever", timeToLive: QueueLimits.NeverExpires);

        Assert.Equal(9999, receipt.ExpirationTime.Year);
        var peeked = Assert.Single(await queue.PeekMessagesAsync());
        Assert.Equal(9999, peeked.ExpirationTime.Year);
    }

    [Fact]
    public async Task Send_WithTimeToLive_ExpiresAfterIt()
    {
        var queue = await azurite.NewQueueAsync();

        var receipt = await queue.SendMessageAsync("short", timeToLive: TimeSpan.FromMinutes(5));

        Assert.Equal(receipt.InsertionTime.AddMinutes(5), receipt.ExpirationTime);
    }

    [Fact]
    public async Task Send_DelayOfExactlySevenDays_IsAccepted()
    {
        var queue = await azurite.NewQueueAsync();

        var receipt = await queue.SendMessageAsync("next week", QueueLimits.MaxVisibilityTimeout, QueueLimits.NeverExpires);

        Assert.Equal(receipt.InsertionTime.AddDays(7), receipt.NextVisibleTime);
    }

    public static TheoryData<TimeSpan> InvalidDelays => new()
    {
        TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)),
        TimeSpan.FromDays(8),
        TimeSpan.FromSeconds(-1),
    };

    [Theory]
    [MemberData(nameof(InvalidDelays))]
    public async Task Send_DelayOutsideZeroToSevenDays_ThrowsBeforeSending(TimeSpan delay)
    {
        var queue = await azurite.NewQueueAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", visibilityDelay: delay));

        Assert.Empty(await queue.PeekMessagesAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Send_TimeToLiveBelowOneSecond_Throws(int seconds)
    {
        var queue = await azurite.NewQueueAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", timeToLive: TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task Send_ToMissingQueue_ThrowsQueueNotFound()
    {
        var queue = new QueueClient(azurite.Connection, AzuriteFixture.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Receive_ThirtyThreeMessages_ReturnsAtMostThirtyTwoPerCall()
    {
        var queue = await azurite.NewQueueAsync();
        await Task.WhenAll(Enumerable.Range(0, 33).Select(i => queue.SendMessageAsync($"m{i}")));

        var first = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));
        var second = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));

        Assert.Equal(32, first.Count);
        Assert.Single(second);
        Assert.Equal(33, first.Concat(second).Select(m => m.MessageId).Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(-1)]
    public async Task Receive_CountOutsideOneToThirtyTwo_Throws(int count)
    {
        var queue = await azurite.NewQueueAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(count));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekMessagesAsync(count));
    }

    public static TheoryData<TimeSpan> InvalidLeases => new()
    {
        TimeSpan.Zero,
        TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)),
    };

    [Theory]
    [MemberData(nameof(InvalidLeases))]
    public async Task Receive_VisibilityOutsideOneSecondToSevenDays_Throws(TimeSpan visibility)
    {
        var queue = await azurite.NewQueueAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, visibility));
    }

    [Fact]
    public async Task Receive_EmptyQueue_ReturnsEmptyList()
    {
        var queue = await azurite.NewQueueAsync();

        Assert.Empty(await queue.ReceiveMessagesAsync(32));
    }

    [Fact]
    public async Task Receive_WhileLeased_HidesMessageFromOthers()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("mine");

        var taken = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));

        Assert.Empty(await queue.ReceiveMessagesAsync(32));
        Assert.InRange(taken.NextVisibleTime, DateTimeOffset.UtcNow.AddSeconds(50), DateTimeOffset.UtcNow.AddSeconds(70));
    }

    [Fact]
    public async Task Receive_AfterLeaseExpires_DequeueCountIncrements()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("again");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        var second = await queue.PollAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(second);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task Peek_VisibleMessage_TakesNoLease()
    {
        var queue = await azurite.NewQueueAsync();
        var sent = await queue.SendMessageAsync("look");

        var peeked = Assert.Single(await queue.PeekMessagesAsync(32));
        var received = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal(sent.MessageId, peeked.MessageId);
        Assert.Equal("look", peeked.MessageText);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
    }
}
