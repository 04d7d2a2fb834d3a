using System.Text;
using System.Text.Json;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Tests.Tables;

public class TableEntityTests
{
    [Fact]
    public void Indexer_UnsupportedType_ThrowsNamingPropertyAndType()
    {
        var entity = new TableEntity("p", "r");

        var error = Assert.Throws<ArgumentException>(() => entity["Amount"] = 1.5m);

        Assert.Contains("'Amount'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Decimal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    [InlineData("X@odata.type")]
    public void Indexer_ReservedName_Throws(string name)
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity[name] = "x");
    }

    [Fact]
    public void Indexer_Null_RemovesProperty()
    {
        var entity = new TableEntity("p", "r") { ["A"] = "x" };

        entity["A"] = null;

        Assert.Equal(0, entity.Count);
        Assert.Null(entity["A"]);
    }

    [Fact]
    public void Indexer_UtcDateTime_IsStoredAsDateTimeOffset()
    {
        var entity = new TableEntity("p", "r") { ["T"] = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc) };

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), entity.GetDateTimeOffset("T"));
    }

    [Fact]
    public void Indexer_UnspecifiedDateTime_Throws()
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity["T"] = new DateTime(2026, 1, 2));
    }

    [Fact]
    public void GetInt64_OnInt32Property_ThrowsNamingBothTypesNotTheValue()
    {
        var entity = new TableEntity("p", "r") { ["Count"] = 12345 };

        var error = Assert.Throws<InvalidOperationException>(() => entity.GetInt64("Count"));

        Assert.Contains("'Count' holds Edm.Int32, not Edm.Int64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetString_Absent_ReturnsNull()
    {
        Assert.Null(new TableEntity("p", "r").GetString("Missing"));
        Assert.Null(new TableEntity("p", "r").GetInt32("Missing"));
    }

    [Fact]
    public void Write_EveryType_CarriesAnnotationsJsonCannot()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "s", ["B"] = true, ["I"] = 1, ["L"] = 2L, ["D"] = 2.0, ["N"] = double.NaN,
            ["T"] = DateTimeOffset.UnixEpoch, ["G"] = Guid.Empty, ["X"] = new byte[] { 1, 2 },
        };

        using var json = JsonDocument.Parse(Write(entity));
        var root = json.RootElement;

        Assert.False(root.TryGetProperty("S@odata.type", out _));
        Assert.False(root.TryGetProperty("I@odata.type", out _));
        Assert.Equal("Edm.Int64", root.GetProperty("L@odata.type").GetString());
        Assert.Equal("2", root.GetProperty("L").GetString());
        Assert.Equal("Edm.Double", root.GetProperty("D@odata.type").GetString());
        Assert.Equal("NaN", root.GetProperty("N").GetString());
        Assert.Equal("1970-01-01T00:00:00.0000000Z", root.GetProperty("T").GetString());
        Assert.Equal("Edm.Guid", root.GetProperty("G@odata.type").GetString());
        Assert.Equal("AQI=", root.GetProperty("X").GetString());
    }

    [Fact]
    public void Read_AnnotationAfterValue_StillTypesTheValue()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","L":"9223372036854775807","L@odata.type":"Edm.Int64","D":3,"D@odata.type":"Edm.Double"}""";

        var entity = TableEntityJson.ReadEntity(Encoding.UTF8.GetBytes(json));

        Assert.Equal(long.MaxValue, entity.GetInt64("L"));
        Assert.Equal(3.0, entity.GetDouble("D"));
    }

    [Fact]
    public void Read_UnannotatedNumbers_WholeIsInt32AndFractionalIsDouble()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","odata.etag":"W/\"x\"","Timestamp":"2026-01-02T03:04:05.1234567Z","I":7,"D":2.0,"E":1e-7}""";

        var entity = TableEntityJson.ReadEntity(Encoding.UTF8.GetBytes(json));

        Assert.Equal(7, entity.GetInt32("I"));
        Assert.Equal(2.0, entity.GetDouble("D"));
        Assert.Equal(1e-7, entity.GetDouble("E"));
        Assert.Equal("W/\"x\"", entity.ETag.ToString());
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.Equal(3, entity.Count);
    }

    private static byte[] Write(TableEntity entity)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, TableEntityJson.WriterOptions))
        {
            TableEntityJson.Write(writer, entity);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
