using System.Net;
using System.Text;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Queues;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Queues;

/// <summary>What goes over the wire: base64 bodies, the 64 KiB limit, escaped pop receipts.</summary>
public class QueueWireFormatTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Send_Text_WireMessageTextIsBase64OfUtf8()
    {
        var queue = await azurite.NewQueueAsync();
        const string text = "{\"subject\":\"Zoë Ångström\",\"note\":\"日本\"}";
        await queue.SendMessageAsync(text);

        var wire = await PeekRawMessageTextAsync(queue.Name);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), wire);
    }

    [Fact]
    public async Task Send_MessageOverLimit_ThrowsBeforeSending()
    {
        var queue = await azurite.NewQueueAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('a', QueueLimits.MaxMessageBytes + 1)));

        Assert.Equal("messageText", error.ParamName);
        Assert.Contains("65,536", error.Message, StringComparison.Ordinal);
        Assert.Empty(await queue.PeekMessagesAsync());
    }

    [Fact]
    public async Task Send_MultiByteTextOverLimitInBytes_ThrowsThoughFewerCharacters()
    {
        var queue = await azurite.NewQueueAsync();
        var euros = new string('€', (QueueLimits.MaxMessageBytes / 3) + 1); // 3 UTF-8 bytes each

        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(euros));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new BinaryData(new byte[QueueLimits.MaxMessageBytes + 1])));
    }

    [Fact]
    public async Task Send_MessageExactlyAtLimit_IsAcceptedAndReadBackWhole()
    {
        var queue = await azurite.NewQueueAsync();
        var text = new string('€', QueueLimits.MaxMessageBytes / 3);

        await queue.SendMessageAsync(text);
        var message = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal(QueueLimits.MaxEncodedMessageLength, message.EncodedMessageText.Length);
        Assert.Equal(text, message.MessageText);
    }

    [Fact]
    public async Task Service_EncodedTextOverLimit_RejectsIt()
    {
        // Pins that our limit is the service's: one base64 quantum more than 64 KiB is refused.
        var queue = await azurite.NewQueueAsync();
        var pipeline = StoragePipeline.Create(azurite.Connection, StorageService.Queue);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri($"{queue.Uri}/messages"));
        var tooLong = Convert.ToBase64String(new byte[QueueLimits.MaxMessageBytes + 1]);
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{tooLong}</MessageText></QueueMessage>"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => pipeline.SendCheckedAsync(message, "raw put", default));

        Assert.Equal(413, error.Status);
        Assert.Equal("RequestBodyTooLarge", error.ErrorCode);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(49_151, 65_536)]
    [InlineData(49_152, 65_536)]
    [InlineData(49_153, 65_540)]
    public void EncodedLength_Bytes_IsFourPerStartedTriple(int bytes, int encoded)
    {
        Assert.Equal(encoded, QueueLimits.EncodedLength(bytes));
        Assert.Equal(Convert.ToBase64String(new byte[bytes]).Length, QueueLimits.EncodedLength(bytes));
    }

    [Fact]
    public async Task Delete_PopReceiptWithReservedCharacters_IsEscapedInQuery()
    {
        var handler = new RecordingHandler();
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var queue = new QueueClient(azurite.Connection, "escapes", options);

        await queue.DeleteMessageAsync("id-1", "AgAAAAMAAAA+/x==");

        var uri = Assert.Single(handler.Uris);
        Assert.EndsWith("/escapes/messages/id-1?popreceipt=AgAAAAMAAAA%2B%2Fx%3D%3D", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    /// <summary>GET …/messages?peekonly=true through the same pipeline, returning the raw MessageText.</summary>
    private async Task<string> PeekRawMessageTextAsync(string queueName)
    {
        var pipeline = StoragePipeline.Create(azurite.Connection, StorageService.Queue);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri($"{azurite.Connection.QueueEndpoint}/{queueName}/messages?peekonly=true"));
        var response = await pipeline.SendCheckedAsync(message, "raw peek", default);
        var xml = XDocument.Parse(response.Content.ToString());
        return xml.Descendants("MessageText").Single().Value;
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
