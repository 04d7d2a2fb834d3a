using Azure;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Tables;

public class TableClientEntityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddEntity_New_ReturnsETagThatGetReports()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "open" });
        var read = await table.GetEntityAsync("p", "r");

        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("open", read.GetString("State"));
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task AddEntity_Existing_ThrowsEntityAlreadyExists()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task GetEntity_Missing_Throws404AndIfExistsReturnsNull()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityAsync("p", "missing"));

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
        Assert.True(error.IsNotFound);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "missing"));
    }

    [Fact]
    public async Task GetEntityIfExistsAndDeleteEntity_MissingTable_ThrowTableNotFound()
    {
        var table = new TableClient(azurite.Connection, AzuriteFixture.UniqueName("t"));

        var get = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r"));
        var delete = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "r"));

        Assert.Equal("TableNotFound", get.ErrorCode);
        Assert.Equal("TableNotFound", delete.ErrorCode);
    }

    [Fact]
    public async Task GetEntity_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2L, ["C"] = "c" });

        var read = await table.GetEntityAsync("p", "r", select: ["B"]);

        Assert.Equal(["B"], read.Keys);
        Assert.Equal(2L, read.GetInt64("B"));
    }

    [Fact]
    public async Task UpsertEntity_Replace_RemovesMissingPropertiesAndMergeKeepsThem()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 }, TableUpdateMode.Replace);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = 3 }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["D"] = 4 }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");

        Assert.Equal(["A", "B", "C"], merged.Keys.Order());
        Assert.Equal(["D"], replaced.Keys);
    }

    [Fact]
    public async Task UpdateEntity_CurrentETag_SucceedsAndReturnsNewETag()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, first, TableUpdateMode.Replace);

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).GetInt32("V"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Replace)]
    [InlineData(TableUpdateMode.Merge)]
    public async Task UpdateEntity_StaleETag_Throws412AndKeepsStoredValue(TableUpdateMode mode)
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, stale, mode));

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.True(error.IsConditionFailed);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).GetInt32("V"));
    }

    [Fact]
    public async Task UpdateEntity_AnyVersionOfMissingEntity_Throws404()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task UpdateEntity_DefaultETag_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), default));

        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task DeleteEntity_StaleETag_Throws412AndKeepsEntity()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var stale = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale));

        Assert.True(error.IsConditionFailed);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task DeleteEntity_CurrentETagThenAnyVersion_DeletesThenReportsMissing()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var etag = await table.AddEntityAsync(new TableEntity("p", "r1"));
        await table.AddEntityAsync(new TableEntity("p", "r2"));

        Assert.True(await table.DeleteEntityAsync("p", "r1", etag));
        Assert.True(await table.DeleteEntityAsync("p", "r2"));
        Assert.False(await table.DeleteEntityAsync("p", "r2", ETag.All));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r1"));
    }

    public static TheoryData<string> AwkwardKeys => new()
    {
        "it's",
        "two '' quotes",
        "space and + plus & amp = eq",
        "percent %25 %",
        "ünïcödé 漢字 🙂",
        "(parens),comma;semi:colon@at!bang$*",
        string.Empty,
        TableKey.Encode("https://example.com/a/b?c=d#frag"),
        new string('k', TableKey.MaxLength),
    };

    [Theory]
    [MemberData(nameof(AwkwardKeys))]
    public async Task EntityOperations_AwkwardButValidKeys_AddressTheRightEntity(string key)
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        await table.AddEntityAsync(new TableEntity(key, key) { ["V"] = 1 });
        var etag = await table.UpsertEntityAsync(new TableEntity(key, key) { ["V"] = 2 });
        var read = await table.GetEntityAsync(key, key);
        var deleted = await table.DeleteEntityAsync(key, key, etag);

        Assert.Equal(key, read.PartitionKey);
        Assert.Equal(key, read.RowKey);
        Assert.Equal(2, read.GetInt32("V"));
        Assert.True(deleted);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u007Fb")]
    public async Task AddEntity_ForbiddenKeyCharacter_IsRejectedBeforeSending(string key)
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        var partition = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));
        var row = await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync("p", key));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync(key, "r"));

        Assert.StartsWith("PartitionKey contains", partition.Message, StringComparison.Ordinal);
        Assert.StartsWith("RowKey contains", row.Message, StringComparison.Ordinal);
        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task AddEntity_KeyTooLong_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", new string('k', TableKey.MaxLength + 1))));

        Assert.Contains("RowKey is 513 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task AddEntity_StringOver64KiB_IsRejectedNamingTheProperty()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Body"] = new string('x', (32 * 1024) + 1) }));

        Assert.Contains("'Body'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntity_TooManyProperties_IsRejected()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));

        Assert.Contains("253 properties", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntity_LargestAllowedString_IsAccepted()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var text = new string('x', 32 * 1024);

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Body"] = text });

        Assert.Equal(text, (await table.GetEntityAsync("p", "r")).GetString("Body"));
    }
}
