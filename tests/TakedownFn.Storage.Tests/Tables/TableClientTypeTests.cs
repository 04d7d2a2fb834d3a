using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Tables;

public class TableClientTypeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string, object> Values => new()
    {
        { "empty string", string.Empty },
        { "unicode string", "ünïcödé 漢字 🙂 \u2028 \"quoted\" \\ back\nline\ttab" },
        { "true", true },
        { "false", false },
        { "int min", int.MinValue },
        { "int max", int.MaxValue },
        { "long min", long.MinValue },
        { "long max", long.MaxValue },
        { "long small", 7L },
        { "double whole", 2.0 },
        { "double zero", 0.0 },
        { "double fraction", 0.1 },
        { "double negative", -123456.789 },
        { "double max", double.MaxValue },
        { "double min", double.MinValue },
        { "double epsilon", double.Epsilon },
        { "double big whole", 1e20 },
        { "double tiny", 1.5e-300 },
        { "double NaN", double.NaN },
        { "double +inf", double.PositiveInfinity },
        { "double -inf", double.NegativeInfinity },
        { "datetime 7 digits", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567) },
        { "datetime offset", new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.FromHours(-7)).AddTicks(1) },
        { "datetime whole second", new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero) },
        { "datetime 1601", new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        { "guid", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "guid empty", Guid.Empty },
        { "binary", new byte[] { 0, 1, 2, 254, 255 } },
        { "binary empty", Array.Empty<byte>() },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Upsert_ThenGetAndQuery_ValueComesBackWithSameTypeAndValue(string label, object value)
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = value });

        var read = await table.GetEntityAsync("p", "r");
        var queried = Assert.Single(await table.QueryAsync().ToListAsync());

        AssertSame(label, value, read["V"]);
        AssertSame(label, value, queried["V"]);
    }

    [Fact]
    public async Task Transaction_EveryType_RoundTripsLikeSingleWrites()
    {
        var table = await TableTestSupport.NewTableAsync(azurite);
        var entity = new TableEntity("p", "r");
        var index = 0;
        foreach (var row in Values)
        {
            entity[$"V{index++}"] = row[1];
        }

        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, entity)]);
        var read = await table.GetEntityAsync("p", "r");

        index = 0;
        foreach (var row in Values)
        {
            AssertSame((string)row[0], row[1], read[$"V{index++}"]);
        }
    }

    private static void AssertSame(string label, object expected, object? actual)
    {
        Assert.NotNull(actual);
        Assert.True(expected.GetType() == actual.GetType(), $"{label}: sent {expected.GetType().Name}, got {actual.GetType().Name}");
        switch (expected)
        {
            case DateTimeOffset time:
                Assert.Equal(time.UtcTicks, ((DateTimeOffset)actual).UtcTicks);
                break;
            case double d:
                Assert.True(d.Equals((double)actual), $"{label}: sent {d:R}, got {(double)actual:R}");
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
