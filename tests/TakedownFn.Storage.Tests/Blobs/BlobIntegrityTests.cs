using Azure.Core.Pipeline;
using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Blobs;

/// <summary>Content-MD5 both ways: bytes damaged between client and service are caught, not stored or returned.</summary>
public class BlobIntegrityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Upload_BodyDamagedInTransit_ServiceRejectsMd5Mismatch()
    {
        var (blob, _) = await CorruptingBlobAsync(corruptRequests: true);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("evidence")));

        Assert.Equal(400, error.Status);
        Assert.Equal("Md5Mismatch", error.ErrorCode);
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task Download_BodyDamagedInTransit_ThrowsMd5Mismatch()
    {
        var (blob, honest) = await CorruptingBlobAsync(corruptRequests: false);
        await honest.UploadAsync(BinaryData.FromString("evidence"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.DownloadContentAsync());

        Assert.Equal("Md5Mismatch", error.ErrorCode);
        Assert.Equal("evidence", (await honest.DownloadContentAsync()).Content.ToString());
    }

    /// <summary>The same blob twice: through a transport that flips one body byte, and directly.</summary>
    private async Task<(BlobClient Corrupting, BlobClient Honest)> CorruptingBlobAsync(bool corruptRequests)
    {
        var honest = await azurite.NewBlobAsync();
        var container = honest.Uri.Segments[^2].TrimEnd('/');
        var options = new StorageClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(new FlipOneByte(corruptRequests) { InnerHandler = new HttpClientHandler() })),
        };
        options.Retry.MaxRetries = 0;
        return (new BlobClient(azurite.Connection, container, honest.Name, options), honest);
    }

    private sealed class FlipOneByte(bool requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (requests && request.Content is not null)
            {
                request.Content = await FlipAsync(request.Content, cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (!requests && request.Method == HttpMethod.Get && response.IsSuccessStatusCode)
            {
                response.Content = await FlipAsync(response.Content, cancellationToken);
            }

            return response;
        }

        private static async Task<HttpContent> FlipAsync(HttpContent content, CancellationToken cancellationToken)
        {
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            if (bytes.Length > 0)
            {
                bytes[^1] ^= 0x01;
            }

            var flipped = new ByteArrayContent(bytes);
            foreach (var header in content.Headers)
            {
                flipped.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return flipped;
        }
    }
}
