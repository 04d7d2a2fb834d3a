using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Core;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Blobs;

/// <summary>The single-writer lock: one lease at a time, writes need its id, release and break hand it on.</summary>
public class BlobLeaseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Acquire_Twice_SecondThrowsLeaseAlreadyPresent()
    {
        var blob = await LeasableBlobAsync();
        await blob.AcquireLeaseAsync(Duration, Guid.NewGuid().ToString());

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.AcquireLeaseAsync(Duration, Guid.NewGuid().ToString()));

        Assert.Equal(409, error.Status);
        Assert.Equal("LeaseAlreadyPresent", error.ErrorCode);
    }

    [Fact]
    public async Task Acquire_ProposedId_IsTheLeaseIdAndBlobIsLeased()
    {
        var blob = await LeasableBlobAsync();
        var proposed = Guid.NewGuid().ToString();

        var lease = await blob.AcquireLeaseAsync(BlobLease.InfiniteDuration, proposed);

        Assert.Equal(proposed, lease.LeaseId);
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal("leased", properties.LeaseState);
        Assert.Equal("locked", properties.LeaseStatus);
    }

    [Fact]
    public async Task Upload_LeasedBlobWithoutLeaseId_ThrowsAndWithLeaseIdSucceeds()
    {
        var blob = await LeasableBlobAsync();
        var lease = await blob.AcquireLeaseAsync(Duration);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("intruder")));
        await blob.UploadAsync(BinaryData.FromString("holder"), new BlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal(412, error.Status);
        Assert.Equal("LeaseIdMissing", error.ErrorCode);
        Assert.Equal("holder", (await blob.DownloadContentAsync()).Content.ToString());
    }

    [Fact]
    public async Task Upload_LeasedBlobWithOtherLeaseId_Throws()
    {
        var blob = await LeasableBlobAsync();
        await blob.AcquireLeaseAsync(Duration);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("x"), new BlobRequestConditions { LeaseId = Guid.NewGuid().ToString() }));

        Assert.Equal(412, error.Status);
        Assert.Equal("LeaseIdMismatchWithBlobOperation", error.ErrorCode);
    }

    [Fact]
    public async Task AppendBlock_LeasedBlobWithoutLeaseId_ThrowsAndWithLeaseIdSucceeds()
    {
        var blob = await azurite.NewBlobAsync();
        await blob.CreateAppendBlobAsync();
        var lease = await blob.AcquireLeaseAsync(Duration);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.AppendBlockAsync(BinaryData.FromString("x")));
        var info = await blob.AppendBlockAsync(BinaryData.FromString("y"), new AppendBlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal(412, error.Status);
        Assert.Equal("LeaseIdMissing", error.ErrorCode);
        Assert.Equal(0, info.AppendOffset);
    }

    [Fact]
    public async Task Release_ThenAcquireByAnother_Succeeds()
    {
        var blob = await LeasableBlobAsync();
        var first = await blob.AcquireLeaseAsync(Duration);

        await blob.ReleaseLeaseAsync(first.LeaseId);
        var second = await blob.AcquireLeaseAsync(Duration, Guid.NewGuid().ToString());

        Assert.NotEqual(first.LeaseId, second.LeaseId);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.RenewLeaseAsync(first.LeaseId));
        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task Break_Immediately_LetsAnotherAcquire()
    {
        var blob = await LeasableBlobAsync();
        var dead = await blob.AcquireLeaseAsync(BlobLease.InfiniteDuration);

        var remaining = await blob.BreakLeaseAsync(TimeSpan.Zero);
        var next = await blob.AcquireLeaseAsync(Duration);

        Assert.Equal(TimeSpan.Zero, remaining);
        Assert.NotEqual(dead.LeaseId, next.LeaseId);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("zombie"), new BlobRequestConditions { LeaseId = dead.LeaseId }));
        Assert.Equal(412, error.Status);
        Assert.Equal("LeaseIdMismatchWithBlobOperation", error.ErrorCode);
    }

    [Fact]
    public async Task Break_WithPeriod_KeepsLeaseBreakingUntilItEnds()
    {
        var blob = await LeasableBlobAsync();
        await blob.AcquireLeaseAsync(BlobLease.InfiniteDuration);

        var remaining = await blob.BreakLeaseAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(remaining, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        Assert.Equal("breaking", (await blob.GetPropertiesAsync()).LeaseState);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.AcquireLeaseAsync(Duration));
        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task Renew_CurrentLease_KeepsTheSameId()
    {
        var blob = await LeasableBlobAsync();
        var lease = await blob.AcquireLeaseAsync(Duration);

        var renewed = await blob.RenewLeaseAsync(lease.LeaseId);

        Assert.Equal(lease.LeaseId, renewed.LeaseId);
    }

    [Fact]
    public async Task Release_WrongLeaseId_ThrowsLeaseIdMismatch()
    {
        var blob = await LeasableBlobAsync();
        await blob.AcquireLeaseAsync(Duration);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.ReleaseLeaseAsync(Guid.NewGuid().ToString()));

        Assert.Equal(409, error.Status);
        Assert.Equal("LeaseIdMismatchWithLeaseOperation", error.ErrorCode);
    }

    public static TheoryData<TimeSpan> InvalidDurations => new()
    {
        TimeSpan.FromSeconds(14),
        TimeSpan.FromSeconds(61),
        TimeSpan.Zero,
    };

    [Theory]
    [MemberData(nameof(InvalidDurations))]
    public async Task Acquire_DurationOutsideFifteenToSixtySeconds_ThrowsBeforeSending(TimeSpan duration)
    {
        var blob = await LeasableBlobAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => blob.AcquireLeaseAsync(duration));

        Assert.Equal("available", (await blob.GetPropertiesAsync()).LeaseState);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(60)]
    public async Task Acquire_DurationAtBounds_IsGranted(int seconds)
    {
        var blob = await LeasableBlobAsync();

        await blob.AcquireLeaseAsync(TimeSpan.FromSeconds(seconds));

        Assert.Equal("leased", (await blob.GetPropertiesAsync()).LeaseState);
    }

    private async Task<BlobClient> LeasableBlobAsync()
    {
        var blob = await azurite.NewBlobAsync("sequencer.lock");
        await blob.UploadAsync(BinaryData.FromString("lock"));
        return blob;
    }
}
