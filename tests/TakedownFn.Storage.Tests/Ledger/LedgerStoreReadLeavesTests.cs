using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>Leaf ranges as statements and exports stream them (windows of a page, read ahead), against Azurite.</summary>
public sealed class LedgerStoreReadLeavesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // More than two windows of a page, and no multiple of one.
    private const int Leaves = 2_345;

    [Theory]
    [InlineData(0, Leaves)]
    [InlineData(999, 2_001)]
    [InlineData(1_000, 1_001)]
    public async Task ReadLeaves_RangeOverWindows_ReturnsEachLeafOnceInIndexOrder(long start, long end)
    {
        var log = await LoadedLogAsync();

        var read = await log.Store.ReadLeavesAsync(log.TenantId, start, end).ToListAsync();

        Assert.Equal(Range(start, end), read.Select(l => l.Index));
        foreach (var index in new[] { start, (start + end) / 2, end - 1 })
        {
            var leaf = await log.Store.GetLeafAsync(log.TenantId, index);
            var streamed = read[(int)(index - start)];
            Assert.Equal(leaf.EventId, streamed.EventId);
            Assert.Equal(leaf.Leaf, streamed.Leaf);
        }
    }

    [Theory]
    [InlineData(1_500)]
    [InlineData(Leaves - 1)]
    public async Task ReadLeaves_LeafRowMissing_FailsNamingIt(long missing)
    {
        var log = await LoadedLogAsync();
        await log.Ledger.DeleteEntityAsync(log.TenantId, LedgerRows.Leaf(missing));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await log.Store.ReadLeavesAsync(log.TenantId, 0, Leaves).ToListAsync());

        Assert.Equal($"leaf row {missing} of the log is missing", e.Message);
    }

    [Fact]
    public async Task ReadLeaves_CallerStopsEarly_StopsCleanlyAndTheLogReadsAgain()
    {
        var log = await LoadedLogAsync();

        var first = await log.Store.ReadLeavesAsync(log.TenantId, 0, Leaves).Take(10).ToListAsync();
        var all = await log.Store.ReadLeavesAsync(log.TenantId, 0, Leaves).CountAsync();

        Assert.Equal(Range(0, 10), first.Select(l => l.Index));
        Assert.Equal(Leaves, all);
    }

    private static IEnumerable<long> Range(long start, long end) => Enumerable.Range(0, (int)(end - start)).Select(i => start + i);

    private async Task<LedgerTestLog> LoadedLogAsync()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await LedgerBenchmarkSupport.BulkLoadAsync(log.Store, log.Tenants, log.TenantId, LedgerBenchmarkSupport.SyntheticEvents(Leaves, DateTimeOffset.UtcNow.AddMinutes(-5)));
        return log;
    }
}
