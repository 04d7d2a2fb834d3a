using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakedownFn.Ledger.Leaves;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: the one byte sequence a JSON value hashes to, so that a
/// leaf written by the service and a leaf rebuilt by an auditor hash the same. Object members are
/// sorted by UTF-16 code units, there is no whitespace, strings use only the escapes RFC 8785
/// §3.2.2.2 requires, and numbers are printed as ECMAScript's Number.prototype.toString does.
/// </summary>
public static partial class JsonCanonicalizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Canonical UTF-8 bytes of <paramref name="element"/>.</summary>
    public static byte[] Canonicalize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return Encode(builder);
    }

    /// <summary>Canonical UTF-8 bytes of <paramref name="node"/> (null is JSON null).</summary>
    public static byte[] Canonicalize(JsonNode? node)
    {
        // Going through the serialized form keeps one code path: JsonNode numbers may hold any
        // CLR numeric type, while a JsonElement always exposes the literal.
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return Canonicalize(document.RootElement);
    }

    /// <summary>Canonical UTF-8 bytes of the JSON text <paramref name="utf8Json"/>.</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.BytesConsumed != utf8Json.Length && !IsWhitespace(utf8Json[(int)reader.BytesConsumed..]))
        {
            throw new JsonException("trailing content after the JSON value");
        }

        return Canonicalize(document.RootElement);
    }

    /// <summary>Canonical UTF-8 bytes of the JSON string <paramref name="value"/> (quotes included), as a member name is written.</summary>
    internal static byte[] CanonicalString(string value)
    {
        var builder = new StringBuilder();
        AppendString(builder, value);
        return Encode(builder);
    }

    private static void Write(StringBuilder output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(output, element);
                break;
            case JsonValueKind.Array:
                output.Append('[');
                bool first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Append(',');
                    }

                    Write(output, item);
                    first = false;
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(output, element.GetString()!);
                break;
            case JsonValueKind.Number:
                output.Append(FormatNumber(ParseNumber(element.GetRawText())));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new ArgumentException($"cannot canonicalize a JSON {element.ValueKind}", nameof(element));
        }
    }

    private static void WriteObject(StringBuilder output, JsonElement element)
    {
        var members = element.EnumerateObject().ToList();

        // RFC 8785 §3.2.3: sort by the UTF-16 code units of the names, which is ordinal order.
        members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Append('{');
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (members[i].Name == members[i - 1].Name)
                {
                    // I-JSON (RFC 7493), which RFC 8785 requires, forbids duplicate names.
                    throw new JsonException($"duplicate property name \"{members[i].Name}\"");
                }

                output.Append(',');
            }

            AppendString(output, members[i].Name);
            output.Append(':');
            Write(output, members[i].Value);
        }

        output.Append('}');
    }

    /// <summary>Appends <paramref name="value"/> as an RFC 8785 §3.2.2.2 JSON string.</summary>
    internal static void AppendString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case < ' ':
                    output.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        output.Append('"');
    }

    private static byte[] Encode(StringBuilder builder)
    {
        try
        {
            return StrictUtf8.GetBytes(builder.ToString());
        }
        catch (EncoderFallbackException ex)
        {
            throw new JsonException("a string contains an unpaired surrogate, which has no UTF-8 form", ex);
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> rest)
    {
        foreach (byte b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
