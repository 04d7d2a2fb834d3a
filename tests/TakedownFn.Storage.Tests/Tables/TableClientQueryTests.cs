using System.Globalization;
using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Tables;

public class TableClientQueryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int ManyRows = 1150;

    [Fact]
    public async Task Query_MoreThanOnePageOfRows_ReturnsEveryRowExactlyOnce()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var expected = await InsertRowsAsync(table, ManyRows);

        var rows = await table.QueryAsync().Select(e => $"{e.PartitionKey}/{e.RowKey}").ToListAsync();

        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QueryPage_FollowingTokens_VisitsEveryRowOnceInPagesOfMaxPerPage()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var expected = await InsertRowsAsync(table, 250);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var page = await table.QueryPageAsync(maxPerPage: 100, continuationToken: token);
            Assert.True(page.Values.Count <= 100);
            seen.AddRange(page.Values.Select(e => $"{e.PartitionKey}/{e.RowKey}"));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Query_AsPagesFromAToken_ResumesWhereThePageEnded()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await InsertRowsAsync(table, 30);
        var first = await table.QueryPageAsync(maxPerPage: 10);

        var rest = new List<TableEntity>();
        await foreach (var page in table.QueryAsync(maxPerPage: 10).AsPages(first.ContinuationToken))
        {
            rest.AddRange(page.Values);
        }

        Assert.Equal(20, rest.Count);
        Assert.Empty(first.Values.Select(e => e.RowKey).Intersect(rest.Select(e => e.RowKey)));
    }

    [Fact]
    public async Task QueryPage_ForeignToken_ThrowsArgumentException()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);

        await Assert.ThrowsAsync<ArgumentException>(() => table.QueryPageAsync(continuationToken: "not a token!"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Query_MaxPerPageOutOfRange_Throws(int maxPerPage)
    {
        var table = new TableClient(azurite.Connection, AzuriteFixture.UniqueName("t"));

        Assert.Throws<ArgumentOutOfRangeException>(() => table.QueryAsync(maxPerPage: maxPerPage));
    }

    [Fact]
    public async Task Query_FilterOnKeysAndTypedProperties_ReturnsMatchingRows()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            await table.AddEntityAsync(new TableEntity("tenant", $"r{i}")
            {
                ["N"] = i, ["Big"] = 5_000_000_000L + i, ["D"] = i + 0.5, ["Open"] = i % 2 == 0, ["At"] = day.AddDays(i),
            });
        }

        await table.AddEntityAsync(new TableEntity("other", "r5") { ["N"] = 5 });

        async Task<string[]> Rows(TableFilter filter) =>
            (await table.QueryAsync(filter).Select(e => e.RowKey).ToListAsync()).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["r3", "r4", "r5"], await Rows(TableFilter.Of($"PartitionKey eq {"tenant"} and RowKey ge {"r3"} and RowKey le {"r5"}")));
        Assert.Equal(["r7", "r8", "r9"], await Rows(TableFilter.Of($"PartitionKey eq {"tenant"} and N gt {6}")));
        Assert.Equal(["r8", "r9"], await Rows(TableFilter.Of($"Big ge {5_000_000_008L}")));
        Assert.Equal(["r0", "r1"], await Rows(TableFilter.Of($"D lt {2.0}")));
        Assert.Equal(["r0", "r2", "r4"], await Rows(TableFilter.Of($"Open eq {true} and At lt {day.AddDays(5)}")));
        Assert.Equal(["r5"], await Rows(!TableFilter.Of($"PartitionKey eq {"tenant"}")));
        Assert.Equal(["r1", "r3"], await Rows(TableFilter.Of($"N eq {1}") | TableFilter.Of($"N eq {3}")));
    }

    [Fact]
    public async Task Query_FilterOnGuidAndBinary_ReturnsMatchingRow()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var id = Guid.NewGuid();
        byte[] hash = [1, 2, 3, 250];
        await table.AddEntityAsync(new TableEntity("p", "hit") { ["Id"] = id, ["Hash"] = hash });
        await table.AddEntityAsync(new TableEntity("p", "miss") { ["Id"] = Guid.NewGuid(), ["Hash"] = new byte[] { 9 } });

        var byId = await table.QueryAsync(TableFilter.Of($"Id eq {id}")).Select(e => e.RowKey).ToListAsync();
        var byHash = await table.QueryAsync(TableFilter.Of($"Hash eq {hash}")).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["hit"], byId);
        Assert.Equal(["hit"], byHash);
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("''")]
    [InlineData("x' or RowKey ne '")]
    [InlineData("ünïcödé & = + % #")]
    public async Task Query_FilterValueWithQuotesOrSymbols_MatchesExactlyThatRow(string value)
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "hit") { ["Name"] = value });
        await table.AddEntityAsync(new TableEntity("p", "miss") { ["Name"] = "other" });

        var rows = await table.QueryAsync(TableFilter.Of($"Name eq {value}")).ToListAsync();

        Assert.Equal("hit", Assert.Single(rows).RowKey);
        Assert.Equal(value, rows[0].GetString("Name"));
    }

    [Fact]
    public async Task Query_StartsWith_ReturnsRowsWithThePrefixOnly()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        foreach (var key in new[] { "case-1", "case-10", "case-2", "casf", "cas", "event-1" })
        {
            await table.AddEntityAsync(new TableEntity("p", key));
        }

        var rows = await table.QueryAsync(TableFilter.StartsWith("RowKey", "case-1")).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["case-1", "case-10"], rows);
    }

    [Fact]
    public async Task Query_Select_ReturnsOnlyTheSelectedProperties()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = "b", ["C"] = 3L });

        var row = Assert.Single(await table.QueryAsync(select: ["B", "C"]).ToListAsync());

        Assert.Equal(["B", "C"], row.Keys.Order());
        Assert.Equal(3L, row.GetInt64("C"));
        Assert.NotEqual(default, row.ETag);
    }

    private static async Task<List<string>> InsertRowsAsync(TableClient table, int count)
    {
        var ids = new List<string>();
        // Several partitions, so pages also end at partition boundaries.
        foreach (var partition in Enumerable.Range(0, count).GroupBy(i => i % 3))
        {
            foreach (var chunk in partition.Chunk(TableClient.MaxTransactionActions))
            {
                var pk = $"p{partition.Key}";
                var actions = chunk.Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new TableEntity(pk, i.ToString("D5", CultureInfo.InvariantCulture)) { ["N"] = i }));
                await table.SubmitTransactionAsync(actions);
                ids.AddRange(chunk.Select(i => $"{pk}/{i.ToString("D5", CultureInfo.InvariantCulture)}"));
            }
        }

        return ids;
    }
}
