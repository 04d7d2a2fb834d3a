using TakedownFn.Storage.Core;
using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Tables;

public class TableClientTableTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreateIfNotExists_Twice_CreatesOnceAndTreatsConflictAsSuccess()
    {
        var table = new TableClient(azurite.Connection, AzuriteFixture.UniqueName("t"));

        Assert.True(await table.CreateIfNotExistsAsync());
        Assert.False(await table.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task Delete_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        Assert.True(await table.DeleteAsync());
        Assert.False(await table.DeleteAsync());
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.True(error.IsNotFound);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("tables")]
    public void Constructor_InvalidTableName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new TableClient(azurite.Connection, name));
    }
}
