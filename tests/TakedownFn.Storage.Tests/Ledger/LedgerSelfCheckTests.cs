using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>The self-check replays the stored log and names the row of any altered byte.</summary>
public sealed class LedgerSelfCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("Leaf", 0, 10)]
    [InlineData("Leaf", 17, 40)]
    [InlineData("Hash", 9, 0)]
    [InlineData("Nodes", 15, 33)]
    [InlineData("Nodes", 31, 100)]
    public async Task SelfCheck_OneAlteredByte_IsReportedWithItsIndex(string column, long index, int offset)
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(40);
        await log.NewSequencer().RunAsync(log.TenantId);
        Assert.True((await LedgerSelfCheck.RunAsync(log.Store, log.Keys, log.TenantId)).Ok);
        var row = await log.Ledger.GetEntityAsync(log.TenantId, LedgerRows.Leaf(index));
        var bytes = row.GetBinary(column)!;
        bytes[offset % bytes.Length] ^= 0x20;
        row[column] = bytes;
        await log.Ledger.UpsertEntityAsync(row, TableUpdateMode.Replace);

        var report = await LedgerSelfCheck.RunAsync(log.Store, log.Keys, log.TenantId);

        Assert.False(report.Ok);
        Assert.Contains(report.Problems, p => p.Index == index);
        Assert.All(report.Problems.Where(p => p.Index is not null), p => Assert.Equal(index, p.Index));
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
