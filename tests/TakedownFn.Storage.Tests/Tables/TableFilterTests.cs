using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Tests.Tables;

public class TableFilterTests
{
    [Fact]
    public void Of_StringWithQuote_DoublesTheQuote()
    {
        var name = "O'Brien";

        Assert.Equal("Name eq 'O''Brien'", TableFilter.Of($"Name eq {name}").Text);
    }

    [Fact]
    public void Of_StringThatLooksLikeAnExpression_StaysOneLiteral()
    {
        var injected = "x' or PartitionKey ne '";

        Assert.Equal("RowKey eq 'x'' or PartitionKey ne '''", TableFilter.Of($"RowKey eq {injected}").Text);
    }

    [Fact]
    public void Of_Int32AndInt64_UseTheirLiteralForms()
    {
        Assert.Equal("A eq 42 and B eq 42L and C eq -9223372036854775808L", TableFilter.Of($"A eq {42} and B eq {42L} and C eq {long.MinValue}").Text);
    }

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e20, "100000000000000000000.0")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(-1.25e-5, "-0.0000125")]
    [InlineData(123456.789, "123456.789")]
    public void Of_Double_WritesPlainDecimal(double value, string expected)
    {
        Assert.Equal($"D eq {expected}", TableFilter.Of($"D eq {value}").Text);
    }

    [Fact]
    public void Of_DoubleMaxValue_RoundTripsThroughItsLiteral()
    {
        var text = TableFilter.Of($"{double.MaxValue}").Text;

        Assert.DoesNotContain("E", text, StringComparison.Ordinal);
        Assert.Equal(double.MaxValue, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Of_NonFiniteDouble_Throws(double value)
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Of($"D eq {value}"));
    }

    [Fact]
    public void Of_TypedLiterals_UseODataPrefixes()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        byte[] bytes = [0x0a, 0xff];

        var text = TableFilter.Of($"T ge {when} and G eq {id} and B eq {bytes} and F eq {false} and C eq {'x'}").Text;

        Assert.Equal("T ge datetime'2026-01-02T01:04:05.1234567Z' and G eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and B eq X'0aff' and F eq false and C eq 'x'", text);
    }

    [Fact]
    public void Of_UnspecifiedDateTime_Throws()
    {
        var unspecified = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);

        Assert.Throws<ArgumentException>(() => TableFilter.Of($"T ge {unspecified}"));
    }

    [Fact]
    public void Of_UtcDateTime_IsFormattedLikeTheOffset()
    {
        var utc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        Assert.Equal("T eq datetime'2026-01-02T03:04:05.0000000Z'", TableFilter.Of($"T eq {utc}").Text);
    }

    [Fact]
    public void Of_NullString_Throws()
    {
        string? missing = null;

        Assert.Throws<ArgumentNullException>(() => TableFilter.Of($"A eq {missing}"));
    }

    [Fact]
    public void Combinators_WrapOperandsInParentheses()
    {
        var a = TableFilter.Of($"A eq {1}");
        var b = TableFilter.Of($"B eq {2}");

        Assert.Equal("(A eq 1) and (B eq 2)", (a & b).Text);
        Assert.Equal("(A eq 1) or (B eq 2)", (a | b).Text);
        Assert.Equal("not (A eq 1)", (!a).Text);
        Assert.Equal("X eq 3 and (A eq 1)", TableFilter.Of($"X eq {3} and {a}").Text);
    }

    [Fact]
    public void StartsWith_Prefix_BuildsHalfOpenRange()
    {
        Assert.Equal("RowKey ge 'ab''c' and RowKey lt 'ab''d'", TableFilter.StartsWith("RowKey", "ab'c").Text);
        Assert.Equal("RowKey ge ''", TableFilter.StartsWith("RowKey", string.Empty).Text);
    }

    [Fact]
    public void StartsWith_PropertyNameWithOperator_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.StartsWith("RowKey or true", "a"));
    }
}
