using System.Globalization;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// Rules for <c>PartitionKey</c> and <c>RowKey</c> values, and a reversible encoding for values
/// that break them.
/// </summary>
/// <remarks>
/// <para>
/// Azure Table keys may not contain <c>/ \ # ?</c> or the control characters U+0000–U+001F and
/// U+007F–U+009F, and may be at most 1 KiB in Azure; Azurite allows 512 characters, which is also
/// what 1 KiB holds in UTF-16, so 512 characters is the limit checked here
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#characters-disallowed-in-key-fields).
/// </para>
/// <para>
/// <see cref="Encode"/> escapes a character as a lead character followed by its code as two
/// upper-case hex digits. Each lead stands for one contiguous block of characters that contains
/// every character the lead escapes, the lead itself included, and no character left as is:
/// </para>
/// <list type="table">
/// <item><term><c>!</c></term><description>U+0000–U+0023 (control characters, space, <c>! " #</c>): <c>#</c> → <c>!23</c>, space → <c>!20</c></description></item>
/// <item><term><c>.</c></term><description><c>. /</c>: <c>/</c> → <c>.2F</c>, <c>.</c> → <c>.2E</c></description></item>
/// <item><term><c>&gt;</c></term><description><c>&gt; ?</c>: <c>?</c> → <c>&gt;3F</c></description></item>
/// <item><term><c>[</c></term><description><c>[ \</c>: <c>\</c> → <c>[5C</c></description></item>
/// <item><term><c>~</c></term><description><c>~</c> and U+007F–U+009F: <c>~</c> → <c>~7E</c></description></item>
/// </list>
/// <para>
/// Because no unescaped character sorts between a lead and the characters it stands for, and the hex
/// digits sort like the codes, the encoding preserves ordinal (UTF-16) order and prefixes: a range or
/// prefix scan over encoded keys finds the same values as over the originals. Characters outside
/// the blocks are kept, so ids and most text stay readable. An encoded value is at most three times
/// as long as the original and always passes <see cref="Validate"/>'s character rule (not
/// necessarily its length rule).
/// </para>
/// </remarks>
public static class TableKey
{
    /// <summary>The longest key accepted: Azurite's limit, and 1 KiB of UTF-16 in Azure.</summary>
    public const int MaxLength = 512;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="keyName"/> and the broken rule.</summary>
    /// <param name="key">The key value; it is never echoed in the message.</param>
    /// <param name="keyName">"PartitionKey" or "RowKey", for the message.</param>
    /// <param name="paramName">The caller's parameter that carried the key.</param>
    public static void Validate(string? key, string keyName, string? paramName = null)
    {
        if (key is null)
        {
            throw new ArgumentNullException(paramName ?? keyName, $"{keyName} is null.");
        }

        if (key.Length > MaxLength)
        {
            throw new ArgumentException(
                $"{keyName} is {key.Length} characters long; table keys hold at most {MaxLength} characters (Azurite's limit; 1 KiB in Azure).",
                paramName ?? keyName);
        }

        var index = IndexOfForbidden(key);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"{keyName} contains {Describe(key[index])} at position {index}; table keys cannot contain '/', '\\', '#', '?' " +
                "or control characters (U+0000–U+001F, U+007F–U+009F). Use TableKey.Encode for such values.",
                paramName ?? keyName);
        }
    }

    /// <summary>True when <paramref name="key"/> may be used as a key as it is.</summary>
    public static bool IsValid(string? key) => key is not null && key.Length <= MaxLength && IndexOfForbidden(key) < 0;

    /// <summary>Encodes <paramref name="value"/> so that it contains no forbidden character (see the type's remarks).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = IndexOfEscaped(value);
        if (first < 0)
        {
            return value;
        }

        var extra = 0;
        for (var i = first; i < value.Length; i++)
        {
            if (LeadFor(value[i]) != '\0')
            {
                extra += 2;
            }
        }

        return string.Create(value.Length + extra, value, static (span, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                var lead = LeadFor(c);
                if (lead == '\0')
                {
                    span[at++] = c;
                    continue;
                }

                span[at++] = lead;
                span[at++] = HexDigit(c >> 4);
                span[at++] = HexDigit(c & 0xF);
            }
        });
    }

    /// <summary>Reverses <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException"><paramref name="encoded"/> is not something <see cref="Encode"/> produces.</exception>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (IndexOfEscaped(encoded) < 0)
        {
            return encoded;
        }

        var result = new char[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            var lead = LeadFor(c);
            if (lead == '\0')
            {
                result[length++] = c;
                continue;
            }

            // A raw character of an escaped block other than its lead cannot appear in an encoding.
            if (lead != c || i + 2 >= encoded.Length || !TryHex(encoded[i + 1], out var high) || !TryHex(encoded[i + 2], out var low))
            {
                throw InvalidEncoding(i);
            }

            var decoded = (char)((high << 4) | low);
            if (LeadFor(decoded) != lead)
            {
                throw InvalidEncoding(i);
            }

            result[length++] = decoded;
            i += 2;
        }

        return new string(result, 0, length);
    }

    private static FormatException InvalidEncoding(int position) =>
        new($"The value is not a TableKey encoding: invalid escape at position {position.ToString(CultureInfo.InvariantCulture)}.");

    private static int IndexOfForbidden(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (IsForbidden(key[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsForbidden(char c) =>
        c <= '\u001F' || (c >= '\u007F' && c <= '\u009F') || c is '/' or '\\' or '#' or '?';

    private static int IndexOfEscaped(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (LeadFor(value[i]) != '\0')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The lead that escapes <paramref name="c"/>, or '\0' when it is kept as is.</summary>
    private static char LeadFor(char c) => c switch
    {
        <= '#' => '!',
        '.' or '/' => '.',
        '>' or '?' => '>',
        '[' or '\\' => '[',
        >= '~' and <= '\u009F' => '~',
        _ => '\0',
    };

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }

    private static string Describe(char c) =>
        c is '/' or '\\' or '#' or '?' ? $"'{c}'" : $"the control character U+{(int)c:X4}";
}
