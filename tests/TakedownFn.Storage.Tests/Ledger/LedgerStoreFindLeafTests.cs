using Azure.Data.Tables;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>A step's leaf found by its event id, as evidence bundles read them, against Azurite.</summary>
public sealed class LedgerStoreFindLeafTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FindLeaf_SequencedEvent_ReturnsItsLeafRowsBytesAndHash()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(5);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var leaves = await log.AllLeavesAsync();

        var found = await log.Store.FindLeafAsync(log.TenantId, leaves[3].EventId, 5);

        Assert.NotNull(found);
        Assert.Equal((3L, leaves[3].EventId), (found.Index, found.EventId));
        Assert.Equal(leaves[3].Leaf, found.Leaf);
        Assert.Equal(leaves[3].LeafHash, found.LeafHash);
    }

    [Fact]
    public async Task FindLeaf_EventBeyondTheGivenSize_ReturnsNull()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(5);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var leaves = await log.AllLeavesAsync();

        Assert.Null(await log.Store.FindLeafAsync(log.TenantId, leaves[4].EventId, 4));
        Assert.Null(await log.Store.FindLeafAsync(log.TenantId, "never-sequenced", 5));
    }

    [Fact]
    public async Task FindLeaf_IndexRowWrittenBeforeItHeldTheLeaf_ReadsTheLeafRow()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(3);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var leaves = await log.AllLeavesAsync();

        // An index row as the sequencer wrote them before: the leaf index alone.
        await log.Ledger.UpsertEntityAsync(new TableEntity(log.TenantId, LedgerRows.Event(leaves[1].EventId)) { ["Index"] = 1L }, TableUpdateMode.Replace);
        var found = await log.Store.FindLeafAsync(log.TenantId, leaves[1].EventId, 3);

        Assert.NotNull(found);
        Assert.Equal(leaves[1].Leaf, found.Leaf);
        Assert.Equal(leaves[1].LeafHash, found.LeafHash);
    }
}
