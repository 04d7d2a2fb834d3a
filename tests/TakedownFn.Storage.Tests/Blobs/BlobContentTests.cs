using System.Security.Cryptography;
using Azure;
using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Blobs;

public class BlobContentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Download_AfterUpload_ReturnsSameBytesHashAndETag()
    {
        var blob = await azurite.NewBlobAsync();
        var content = BinaryData.FromBytes(RandomNumberGenerator.GetBytes(100_000));

        var uploaded = await blob.UploadAsync(content);
        var downloaded = await blob.DownloadContentAsync();

        var md5 = MD5.HashData(content.ToArray());
        Assert.Equal(md5, uploaded.ContentHash.ToArray());
        Assert.Equal(content.ToArray(), downloaded.Content.ToArray());
        Assert.Equal(md5, downloaded.ContentHash.ToArray());
        Assert.Equal(uploaded.ETag, downloaded.ETag);
        Assert.Equal("BlockBlob", downloaded.BlobType);
        Assert.False(downloaded.IsNotModified);
    }

    [Fact]
    public async Task Upload_Twice_ChangesETag()
    {
        var blob = await azurite.NewBlobAsync();

        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        var second = await blob.UploadAsync(BinaryData.FromString("v2"));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task Upload_CreateOnlyOnExistingBlob_FailsAndKeepsOriginal()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.UploadAsync(BinaryData.FromString("first"), BlobRequestConditions.CreateOnly());

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("second"), BlobRequestConditions.CreateOnly()));

        // Azure and Azurite both answer 409 BlobAlreadyExists for Put Blob with If-None-Match: *.
        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task Upload_IfMatchStaleETag_ThrowsConditionNotMet()
    {
        var blob = await azurite.NewBlobAsync();
        var stale = await blob.UploadAsync(BinaryData.FromString("v1"));
        var current = await blob.UploadAsync(BinaryData.FromString("v2"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("lost update"), new BlobRequestConditions { IfMatch = stale.ETag }));
        await blob.UploadAsync(BinaryData.FromString("v3"), new BlobRequestConditions { IfMatch = current.ETag });

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
        Assert.Equal("v3", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task Download_IfNoneMatchCurrentETag_ReturnsNotModified()
    {
        var blob = await azurite.NewBlobAsync();
        var uploaded = await blob.UploadAsync(BinaryData.FromString("cached"));

        var result = await blob.DownloadContentAsync(new BlobRequestConditions { IfNoneMatch = uploaded.ETag });

        Assert.True(result.IsNotModified);
        Assert.Equal(uploaded.ETag, result.ETag);
        Assert.True(result.Content.ToMemory().IsEmpty);
    }

    [Fact]
    public async Task Download_IfNoneMatchOldETag_ReturnsNewContent()
    {
        var blob = await azurite.NewBlobAsync();
        var old = await blob.UploadAsync(BinaryData.FromString("old"));
        await blob.UploadAsync(BinaryData.FromString("new"));

        var result = await blob.DownloadContentAsync(new BlobRequestConditions { IfNoneMatch = old.ETag });

        Assert.False(result.IsNotModified);
        Assert.Equal("new", result.Content.ToString());
    }

    [Fact]
    public async Task Download_IfMatchStaleETag_ThrowsConditionNotMet()
    {
        var blob = await azurite.NewBlobAsync();
        var stale = await blob.UploadAsync(BinaryData.FromString("v1"));
        await blob.UploadAsync(BinaryData.FromString("v2"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.DownloadContentAsync(new BlobRequestConditions { IfMatch = stale.ETag }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
    }

    [Fact]
    public async Task Download_MissingBlob_ThrowsBlobNotFound()
    {
        var blob = await azurite.NewBlobAsync();

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.DownloadContentAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Upload_NameWithFoldersAndSpaces_RoundTrips()
    {
        var blob = await azurite.NewBlobAsync("ledger/2025 11/segment #1+ü.log");

        await blob.UploadAsync(BinaryData.FromString("segment"));

        Assert.Equal("segment", (await blob.DownloadContentAsync()).Content.ToString());
        Assert.Contains("/ledger/2025%2011/", blob.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_EmptyContent_RoundTrips()
    {
        var blob = await azurite.NewBlobAsync();

        var uploaded = await blob.UploadAsync(BinaryData.Empty);

        Assert.Equal(MD5.HashData([]), uploaded.ContentHash.ToArray());
        Assert.Empty((await blob.DownloadContentAsync()).Content.ToArray());
    }

    [Fact]
    public async Task GetProperties_UploadedBlob_ReportsLengthTypeHashAndContentType()
    {
        var blob = await azurite.NewBlobAsync();
        var uploaded = await blob.UploadAsync(new BinaryData("{\"a\":1}"u8.ToArray(), "application/json"));

        var properties = await blob.GetPropertiesAsync();

        Assert.Equal(7, properties.ContentLength);
        Assert.Equal("BlockBlob", properties.BlobType);
        Assert.Equal(uploaded.ETag, properties.ETag);
        Assert.Equal(uploaded.ContentHash.ToArray(), properties.ContentHash.ToArray());
        Assert.Equal("available", properties.LeaseState);
    }

    [Fact]
    public async Task ExistsAndDeleteIfExists_Lifecycle_TrackTheBlob()
    {
        var blob = await azurite.NewBlobAsync();
        Assert.False(await blob.ExistsAsync());
        await blob.UploadAsync(BinaryData.FromString("x"));

        Assert.True(await blob.ExistsAsync());
        Assert.True(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public void Format_BareETag_IsQuotedAndWildcardIsNot()
    {
        Assert.Equal("\"0x8D\"", BlobHeaders.Format(new ETag("0x8D")));
        Assert.Equal("\"0x8D\"", BlobHeaders.Format(new ETag("\"0x8D\"")));
        Assert.Equal("*", BlobHeaders.Format(ETag.All));
    }
}
