using Azure;
using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Tables;

public class TableClientTransactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static TableTransactionAction Add(string pk, string rk, int value = 0) =>
        new(TableTransactionActionType.Add, new TableEntity(pk, rk) { ["V"] = value });

    [Fact]
    public async Task Submit_MixedActions_AppliesAllAndReturnsETagsInOrder()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var existing = await table.AddEntityAsync(new TableEntity("p", "update") { ["V"] = 1, ["Keep"] = "k" });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["Gone"] = 1 });

        var etags = await table.SubmitTransactionAsync(
        [
            Add("p", "add", 1),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "merge") { ["V"] = 2 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "replace") { ["V"] = 3 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update") { ["V"] = 4 }, existing),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.All(etags.Take(4), e => Assert.NotEqual(default, e));
        Assert.Equal(default, etags[4]);
        var rows = await table.QueryAsync().ToDictionaryAsync(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "update"], rows.Keys.Order());
        Assert.Equal(etags[0], rows["add"].ETag);
        Assert.Equal(etags[3], rows["update"].ETag);
        Assert.Equal("k", rows["update"].GetString("Keep"));
        Assert.Equal(4, rows["update"].GetInt32("V"));
        Assert.False(rows["replace"].ContainsKey("Gone"));
    }

    [Fact]
    public async Task Submit_ThirdActionFails_WritesNothingAndReportsIndexTwo()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "taken"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(
            () => table.SubmitTransactionAsync([Add("p", "a"), Add("p", "b"), Add("p", "taken"), Add("p", "d")]));

        Assert.Equal(2, error.FailedOperationIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("action 2 (Add)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["taken"], await table.QueryAsync().Select(e => e.RowKey).ToListAsync());
    }

    [Fact]
    public async Task Submit_StaleETagInSecondAction_Reports412AtIndexOne()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            Add("p", "new"),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.True(error.IsConditionFailed);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "new"));
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).GetInt32("V"));
    }

    [Fact]
    public async Task Submit_DeleteOfMissingEntity_Reports404AtItsIndex()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            Add("p", "a"),
            new(TableTransactionActionType.Delete, new TableEntity("p", "missing")),
        ]));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.Equal(404, error.Status);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "a"));
    }

    [Fact]
    public async Task Submit_HundredActions_AreAllWritten()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        var etags = await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add("p", $"r{i:D3}", i)));

        Assert.Equal(100, etags.Count);
        Assert.Equal(100, await table.QueryAsync().CountAsync());
    }

    [Fact]
    public async Task Submit_HundredAndOneActions_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("p", $"r{i}"))));

        Assert.Contains("at most 100 actions; got 101", error.Message, StringComparison.Ordinal);
        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task Submit_MixedPartitions_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.SubmitTransactionAsync([Add("p1", "a"), Add("p1", "b"), Add("p2", "c")]));

        Assert.Contains("action 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p2", error.Message, StringComparison.Ordinal);
        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task Submit_SameEntityTwice_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            Add("p", "a"),
            Add("p", "b"),
            new(TableTransactionActionType.Delete, new TableEntity("p", "a")),
        ]));

        Assert.Contains("Actions 0 and 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task Submit_Empty_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));

        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task Submit_UpdateWithoutETag_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "a"))]));

        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task Submit_ForbiddenKey_IsRejectedBeforeSending()
    {
        var table = await TableTestSupport.NewTableAsync(azurite, TableTestSupport.Counting(out var counter));
        var sent = counter.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p", "a/b")]));

        Assert.Equal(sent, counter.Count);
    }

    [Fact]
    public async Task Submit_AwkwardKeysAndAnyVersionDelete_AddressTheRightEntities()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        const string Partition = "it's ünï 🙂 %25+&";
        await table.AddEntityAsync(new TableEntity(Partition, "o'clock"));

        await table.SubmitTransactionAsync(
        [
            Add(Partition, "a b'c"),
            new(TableTransactionActionType.Delete, new TableEntity(Partition, "o'clock"), ETag.All),
        ]);

        Assert.Equal(["a b'c"], await table.QueryAsync().Select(e => e.RowKey).ToListAsync());
    }
}
