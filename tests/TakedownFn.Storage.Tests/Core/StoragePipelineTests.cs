using System.Text;
using Azure.Core;
using TakedownFn.Storage.Core;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Core;

public class StoragePipelineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(StorageService.Queue)]
    [InlineData(StorageService.Table)]
    [InlineData(StorageService.Blob)]
    public async Task Send_SignedRequest_IsAcceptedByAzurite(StorageService service)
    {
        var pipeline = StoragePipeline.Create(azurite.Connection, service);
        using var message = pipeline.CreateMessage();
        var endpoint = azurite.Connection.EndpointFor(service);
        var name = AzuriteFixture.UniqueName("sig");
        switch (service)
        {
            case StorageService.Queue:
                message.Request.Method = RequestMethod.Put;
                message.Request.Uri.Reset(new Uri($"{endpoint}/{name}"));
                break;
            case StorageService.Blob:
                message.Request.Method = RequestMethod.Put;
                message.Request.Uri.Reset(new Uri($"{endpoint}/{name}?restype=container"));
                break;
            default:
                message.Request.Method = RequestMethod.Post;
                message.Request.Uri.Reset(new Uri($"{endpoint}/Tables"));
                message.Request.Headers.SetValue("Content-Type", "application/json");
                message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
                message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes($"{{\"TableName\":\"{name}\"}}"));
                break;
        }

        await pipeline.SendAsync(message, default);

        Assert.True(message.Response.Status is 201 or 204, $"{message.Response.Status}: {message.Response.Content}");
    }

    [Fact]
    public async Task Send_WrongKey_FailsWithAuthenticationError()
    {
        var endpoint = azurite.Connection.QueueEndpoint;
        var wrongKey = new StorageSharedKeyCredential(StorageConnection.DevelopmentAccountName, Convert.ToBase64String(new byte[64]));
        var connection = new StorageConnection(StorageConnection.DevelopmentAccountName, endpoint, endpoint, endpoint, wrongKey);
        var pipeline = StoragePipeline.Create(connection, StorageService.Queue);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Put;
        message.Request.Uri.Reset(new Uri($"{endpoint}/{AzuriteFixture.UniqueName("bad")}"));

        await pipeline.SendAsync(message, default);
        var error = StorageRequestFailedException.FromResponse(message.Response, "Create queue");

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
        Assert.NotNull(error.RequestId);
    }
}
