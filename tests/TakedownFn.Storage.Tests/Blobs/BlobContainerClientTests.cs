using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Blobs;

public class BlobContainerClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreateIfNotExists_NewThenExisting_ReturnsTrueThenFalse()
    {
        var container = new BlobContainerClient(azurite.Connection, AzuriteFixture.UniqueName("c"));

        Assert.True(await container.CreateIfNotExistsAsync());
        Assert.False(await container.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task DeleteIfExists_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var container = new BlobContainerClient(azurite.Connection, AzuriteFixture.UniqueName("c"));
        await container.CreateIfNotExistsAsync();

        Assert.True(await container.DeleteIfExistsAsync());
        Assert.False(await container.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task GetBlobClient_MissingContainer_UploadThrowsContainerNotFound()
    {
        var container = new BlobContainerClient(azurite.Connection, AzuriteFixture.UniqueName("nope"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => container.GetBlobClient("x").UploadAsync(BinaryData.FromString("x")));

        Assert.Equal(404, error.Status);
        Assert.Equal("ContainerNotFound", error.ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public void Constructor_InvalidName_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new BlobContainerClient(azurite.Connection, name));
    }
}
