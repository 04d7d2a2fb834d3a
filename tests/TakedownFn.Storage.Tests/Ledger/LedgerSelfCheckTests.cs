using Azure.Data.Tables;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>The self-check replays the stored log and names the row of any altered byte.</summary>
public sealed class LedgerSelfCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("Leaf", 0, 10)]
    [InlineData("Leaf", 17, 40)]
    [InlineData("Hash", 9, 0)]
    [InlineData("Hash", 255, 31)]
    [InlineData("Tiles", 255, 33)]
    [InlineData("Tiles", 255, 8191)]
    [InlineData("Leaf", 299, 3)]
    public async Task SelfCheck_OneAlteredByte_IsReportedWithItsIndex(string column, long index, int offset)
    {
        // 300 leaves: leaf row 255 holds the complete tile (0, 0), the state row the rest.
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(300);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        Assert.True((await LedgerSelfCheck.RunAsync(log.Store, log.Keys, log.TenantId)).Ok);
        var row = (await log.Ledger.GetEntityAsync<TableEntity>(log.TenantId, LedgerRows.Leaf(index))).Value;
        var bytes = row.GetBinary(column)!;
        bytes[offset % bytes.Length] ^= 0x20;
        row[column] = bytes;
        await log.Ledger.UpsertEntityAsync(row, TableUpdateMode.Replace);

        var report = await LedgerSelfCheck.RunAsync(log.Store, log.Keys, log.TenantId);

        Assert.False(report.Ok);
        Assert.Single(report.Problems, p => p.Index == index);
        Assert.All(report.Problems.Where(p => p.Index is not null), p => Assert.Equal(index, p.Index));
        if (column != "Leaf")
        {
            // Only altered leaf bytes change the replayed root; any other byte is one problem.
            Assert.Single(report.Problems);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(43 * 32)]
    [InlineData((44 * 32) + 5)]
    public async Task SelfCheck_AlteredByteInTheStateRowsTiles_IsReported(int offset)
    {
        // 300 leaves: the state row holds 44 entries of tile (0, 1) and the one entry of tile (1, 0).
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(300);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var row = (await log.Ledger.GetEntityAsync<TableEntity>(log.TenantId, LedgerRows.State)).Value;
        var tiles = row.GetBinary("Tiles")!;
        tiles[offset] ^= 0x20;
        row["Tiles"] = tiles;
        await log.Ledger.UpsertEntityAsync(row, TableUpdateMode.Replace);

        var report = await LedgerSelfCheck.RunAsync(log.Store, log.Keys, log.TenantId);

        var problem = Assert.Single(report.Problems);
        Assert.Null(problem.Index);
        Assert.StartsWith($"the state row's entry {(offset / 32) % 44} of unfinished tile ({offset / (44 * 32)}, ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfCheck_DeletedLeafRow_IsReportedAsMissing()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(12);
        await log.NewSequencer().RunAsync(log.TenantId);
        await log.Ledger.DeleteEntityAsync(log.TenantId, LedgerRows.Leaf(5));

        var report = await LedgerSelfCheck.RunAsync(log.Store, log.Keys, log.TenantId);

        Assert.Contains(report.Problems, p => p.Index == 5 && p.Message.Contains("missing", StringComparison.Ordinal));
    }
}
