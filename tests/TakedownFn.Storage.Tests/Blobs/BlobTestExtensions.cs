using TakedownFn.Storage.Blobs;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Blobs;

internal static class BlobTestExtensions
{
    /// <summary>A blob client in a new container no other test uses.</summary>
    public static async Task<BlobClient> NewBlobAsync(this AzuriteFixture azurite, string blobName = "blob.bin")
    {
        var container = new BlobContainerClient(azurite.Connection, AzuriteFixture.UniqueName("c"));
        Assert.True(await container.CreateIfNotExistsAsync());
        return container.GetBlobClient(blobName);
    }

    public static BinaryData Bytes(string text) => BinaryData.FromString(text);
}
