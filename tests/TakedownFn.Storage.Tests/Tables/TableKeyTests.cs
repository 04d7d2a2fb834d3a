using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Tests.Tables;

public class TableKeyTests
{
    public static TheoryData<string> NastyValues => new()
    {
        string.Empty,
        "plain-id_123",
        "https://example.com/a/b?c=d#frag",
        @"C:\path\to\file",
        "tab\there\nnewline\r\0nul",
        "~tilde~ !bang! .dot. >gt> [bracket[",
        "!20 .2F >3F [5C ~7E already-escaped-looking",
        "del\u007f c1\u0080 c9f\u009f nbsp\u00a0",
        "unicode é ü 漢字 🙂 \uffff",
        "quote ' and \" and %25 percent",
        new string('#', 170),
    };

    [Theory]
    [InlineData('/')]
    [InlineData('\\')]
    [InlineData('#')]
    [InlineData('?')]
    [InlineData('\u0000')]
    [InlineData('\u0009')]
    [InlineData('\u001F')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    public void Validate_ForbiddenCharacter_ThrowsNamingKeyAndPosition(char forbidden)
    {
        var key = $"ab{forbidden}cd";

        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate(key, "RowKey", "entity"));

        Assert.Contains("RowKey contains", error.Message, StringComparison.Ordinal);
        Assert.Contains("position 2", error.Message, StringComparison.Ordinal);
        Assert.Equal("entity", error.ParamName);
        Assert.False(TableKey.IsValid(key));
    }

    [Fact]
    public void Validate_ControlCharacter_NamesItsCodePoint()
    {
        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate("a\u0001", "PartitionKey"));

        Assert.Contains("U+0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_ThrowsNamingLengthRule()
    {
        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate(new string('a', TableKey.MaxLength + 1), "PartitionKey"));

        Assert.Contains("PartitionKey is 513 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MessageDoesNotEchoTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate("alice@example.com/secret", "RowKey"));

        Assert.DoesNotContain("alice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tenant-1|case-2")]
    [InlineData("spaces and 'quotes' and ünïcödé 🙂")]
    public void Validate_AllowedKey_DoesNotThrow(string key)
    {
        TableKey.Validate(key, "RowKey");
        TableKey.Validate(new string('x', TableKey.MaxLength), "RowKey");

        Assert.True(TableKey.IsValid(key));
    }

    [Theory]
    [MemberData(nameof(NastyValues))]
    public void Encode_NastyValue_RoundTripsAndIsAValidKeyCharacterwise(string value)
    {
        var encoded = TableKey.Encode(value);

        Assert.Equal(value, TableKey.Decode(encoded));
        Assert.True(TableKey.IsValid(encoded));
    }

    [Theory]
    [InlineData("a/b", "a.2Fb")]
    [InlineData("a.b", "a.2Eb")]
    [InlineData("x y#", "x!20y!23")]
    [InlineData("q?", "q>3F")]
    [InlineData(@"\", "[5C")]
    [InlineData("~", "~7E")]
    [InlineData("id-42_Z", "id-42_Z")]
    public void Encode_KnownValues_UseDocumentedEscapes(string value, string expected)
    {
        Assert.Equal(expected, TableKey.Encode(value));
    }

    [Fact]
    public void Encode_PreservesOrdinalOrder()
    {
        var random = new Random(1234);
        var alphabet = "\u0000\u0001 !\"#$-./09:>?@AZ[\\]_az{~\u007f\u0085\u009f\u00a0é";
        var values = Enumerable.Range(0, 2000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .Distinct()
            .ToList();

        var byOriginal = values.OrderBy(v => v, StringComparer.Ordinal).ToList();
        var byEncoded = values.OrderBy(TableKey.Encode, StringComparer.Ordinal).ToList();

        Assert.Equal(byOriginal, byEncoded);
    }

    [Fact]
    public void Encode_PreservesPrefixes()
    {
        Assert.StartsWith(TableKey.Encode("https://host/"), TableKey.Encode("https://host/path?q=1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("!2")]
    [InlineData("!2G")]
    [InlineData(".41")]
    [InlineData("~41")]
    [InlineData("a/b")]
    [InlineData("!2f")]
    public void Decode_NotAnEncoding_ThrowsFormatException(string encoded)
    {
        Assert.Throws<FormatException>(() => TableKey.Decode(encoded));
    }
}
