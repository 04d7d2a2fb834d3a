using Azure.Data.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests;

/// <summary>Bytes spread over numbered binary properties round-trip through the table service (Azurite).</summary>
public sealed class BinaryColumnsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(BinaryColumns.MaxBytes, 1)]
    [InlineData(BinaryColumns.MaxBytes + 1, 2)]
    [InlineData(200_000, 4)]
    public async Task WriteThenRead_AnyLength_SameBytesInThatManyProperties(int length, int properties)
    {
        var table = azurite.Table($"binarycolumns{Guid.NewGuid():N}");
        await table.CreateAsync();
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        var entity = new TableEntity("p", "r") { ["Other"] = "kept apart" };

        BinaryColumns.Write(entity, "Blob", bytes);
        await table.AddEntityAsync(entity);
        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal(properties, stored.Keys.Count(k => k.StartsWith("Blob", StringComparison.Ordinal)));
        Assert.Equal(bytes, BinaryColumns.Read(stored, "Blob").ToArray());
    }
}
