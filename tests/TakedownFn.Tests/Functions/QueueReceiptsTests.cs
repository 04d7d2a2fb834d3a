using Azure;
using TakedownFn.Functions;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Functions;

/// <summary>A stale pop receipt is told apart from a failure: Azure answers 404, Azurite 400 PopReceiptMismatch.</summary>
public sealed class QueueReceiptsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(404, "MessageNotFound", true)]
    [InlineData(400, "PopReceiptMismatch", true)]
    [InlineData(400, "InvalidQueryParameterValue", false)]
    [InlineData(500, "InternalError", false)]
    [InlineData(0, null, false)]
    public void IsLost_ByStatusAndErrorCode(int status, string? errorCode, bool lost)
    {
        Assert.Equal(lost, QueueReceipts.IsLost(new RequestFailedException(status, "queue", errorCode, null)));
    }

    [Fact]
    public async Task IsLost_DeleteWithTheReceiptOfAnEarlierReceive_IsLostOnAzurite()
    {
        var queue = azurite.Queue(AzuriteFixture.UniqueName("stale"));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{\"n\":1}");
        var first = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);
        var second = await Eventually.GetAsync(async () => (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value, m => m.Length == 1);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));

        Assert.True(QueueReceipts.IsLost(e), $"{e.Status} {e.ErrorCode}");
        await queue.DeleteMessageAsync(second[0].MessageId, second[0].PopReceipt);
    }
}
