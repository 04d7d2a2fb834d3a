using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Tests.Leaves;

public class JsonCanonicalizerTests
{
    // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void FormatNumber_Rfc8785AppendixB_MatchesEcmaScript(string ieeeHex, string expected)
    {
        double value = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieeeHex, 16));
        Assert.Equal(expected, JsonCanonicalizer.FormatNumber(value));
    }

    [Theory]
    [InlineData("1e+30", "1e+30")]
    [InlineData("1E30", "1e+30")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("100", "100")]
    [InlineData("-42", "-42")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("0.1", "0.1")]
    public void Canonicalize_NumberLiteral_PrintsEcmaScriptForm(string literal, string expected)
    {
        Assert.Equal(expected, Canonical(literal));
    }

    [Fact]
    public void Canonicalize_Rfc8785Section3221Example_MatchesPublishedOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        Assert.Equal(expected, Canonical(input));
    }

    [Fact]
    public void Canonicalize_Rfc8785Section323Keys_SortedByUtf16CodeUnits()
    {
        const string input = """
            {"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}
            """;
        using var document = JsonDocument.Parse(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(input)));
        var names = document.RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();
        Assert.Equal(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            names);
    }

    [Theory]
    [InlineData("\"\\u0001\\u001f\\u007f\"", "\"\\u0001\\u001f\u007f\"")]
    [InlineData("\"\\b\\t\\n\\f\\r\"", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\"\\u2028<>&'\"", "\"\u2028<>&'\"")]
    [InlineData("\"\\/\"", "\"/\"")]
    public void Canonicalize_String_UsesOnlyRequiredEscapes(string input, string expected)
    {
        Assert.Equal(expected, Canonical(input));
    }

    [Fact]
    public void Canonicalize_WhitespaceAndNesting_Removed()
    {
        Assert.Equal("{\"a\":[1,{\"b\":{},\"c\":[]}],\"b\":null}", Canonical(" { \"b\" : null ,\n \"a\" : [ 1 , { \"c\" : [ ] , \"b\" : { } } ] } "));
    }

    [Fact]
    public void Canonicalize_JsonNode_SameAsParsedText()
    {
        var node = new JsonObject { ["z"] = 1.5, ["a"] = new JsonArray(1, "x", null, true), ["m"] = 10L };
        Assert.Equal("{\"a\":[1,\"x\",null,true],\"m\":10,\"z\":1.5}", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(node)));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("1e400")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{} x")]
    public void Canonicalize_InvalidForJcs_Throws(string input)
    {
        var ex = Record.Exception(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(input)));
        Assert.True(ex is JsonException or InvalidOperationException, $"got {ex?.GetType().Name ?? "no exception"}");
    }

    private static string Canonical(string json) => Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));
}
