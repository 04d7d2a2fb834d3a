using System.Text;
using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Blobs;

public class BlobAppendTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AppendBlock_ThreeBlocks_BlobGrowsInOrder()
    {
        var blob = await azurite.NewBlobAsync("ledger.log");
        await blob.CreateAppendBlobAsync();

        var a = await blob.AppendBlockAsync(BinaryData.FromString("leaf-1\n"));
        var b = await blob.AppendBlockAsync(BinaryData.FromString("leaf-22\n"));
        var c = await blob.AppendBlockAsync(BinaryData.FromString("leaf-333\n"));

        Assert.Equal([0L, 7L, 15L], [a.AppendOffset, b.AppendOffset, c.AppendOffset]);
        Assert.Equal([1, 2, 3], [a.CommittedBlockCount, b.CommittedBlockCount, c.CommittedBlockCount]);
        var downloaded = await blob.DownloadContentAsync();
        Assert.Equal("leaf-1\nleaf-22\nleaf-333\n", downloaded.Content.ToString());
        Assert.Equal("AppendBlob", downloaded.BlobType);
        Assert.Equal(c.ETag, downloaded.ETag);
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal(3, properties.CommittedBlockCount);
        Assert.Equal(24, properties.ContentLength);
    }

    [Fact]
    public async Task AppendBlock_AtExpectedPosition_Succeeds()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.CreateAppendBlobAsync();
        await blob.AppendBlockAsync(BinaryData.FromString("12345"));

        var info = await blob.AppendBlockAsync(BinaryData.FromString("678"), new AppendBlobRequestConditions { IfAppendPositionEqual = 5 });

        Assert.Equal(5, info.AppendOffset);
    }

    [Fact]
    public async Task AppendBlock_WrongAppendPosition_ThrowsAndWritesNothing()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.CreateAppendBlobAsync();
        await blob.AppendBlockAsync(BinaryData.FromString("12345"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.AppendBlockAsync(BinaryData.FromString("again"), new AppendBlobRequestConditions { IfAppendPositionEqual = 0 }));

        Assert.Equal(412, error.Status);
        Assert.Equal("AppendPositionConditionNotMet", error.ErrorCode);
        Assert.Equal("12345", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task AppendBlock_IfMatchStaleETag_ThrowsConditionNotMet()
    {
        var blob = await azurite.NewBlobAsync();
        var created = await blob.CreateAppendBlobAsync();
        await blob.AppendBlockAsync(BinaryData.FromString("x"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.AppendBlockAsync(BinaryData.FromString("y"), new AppendBlobRequestConditions { IfMatch = created.ETag }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
    }

    [Fact]
    public async Task AppendBlock_ToBlockBlob_ThrowsInvalidBlobType()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.UploadAsync(BinaryData.FromString("block"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.AppendBlockAsync(BinaryData.FromString("x")));

        Assert.Equal(409, error.Status);
        Assert.Equal("InvalidBlobType", error.ErrorCode);
    }

    [Fact]
    public async Task CreateAppendBlob_CreateOnlyOnExisting_FailsAndKeepsContent()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.CreateAppendBlobAsync(BlobRequestConditions.CreateOnly());
        await blob.AppendBlockAsync(BinaryData.FromString("kept"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.CreateAppendBlobAsync(BlobRequestConditions.CreateOnly()));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("kept", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task AppendBlock_MultiByteText_ReadsBackAsUtf8()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.CreateAppendBlobAsync();

        await blob.AppendBlockAsync(BinaryData.FromString("Grüße "));
        await blob.AppendBlockAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes("東京")));

        Assert.Equal("Grüße 東京", (await blob.DownloadContentAsync()).Content.ToString());
    }
}
