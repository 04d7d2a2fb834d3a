using System.Globalization;
using System.Text.Json;
using Azure;

namespace TakedownFn.Storage.Tables;

internal static partial class TableEntityJson
{
    /// <summary>One entity, as a point read returns it.</summary>
    public static TableEntity ReadEntity(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return ReadEntity(ref reader);
    }

    /// <summary>The <c>value</c> array of a query answer.</summary>
    public static List<TableEntity> ReadQuery(ReadOnlySpan<byte> json)
    {
        var entities = new List<TableEntity>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("value"u8))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                entities.Add(ReadEntity(ref reader));
            }
        }

        return entities;
    }

    /// <summary>
    /// Reads the object the reader is on. Type annotations normally precede their property (OData
    /// JSON rule, and what Azure and Azurite do); one that follows converts the value already read.
    /// Without an annotation a JSON string is <c>Edm.String</c>, a number with a fraction or exponent
    /// <c>Edm.Double</c> (both services write whole doubles as <c>2.0</c>), any other number <c>Edm.Int32</c>.
    /// </summary>
    private static TableEntity ReadEntity(ref Utf8JsonReader reader)
    {
        var entity = new TableEntity(capacity: 8);
        List<(string Name, EdmType Type)>? annotations = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("PartitionKey"u8))
            {
                reader.Read();
                entity.PartitionKey = reader.GetString() ?? string.Empty;
                continue;
            }

            if (reader.ValueTextEquals("RowKey"u8))
            {
                reader.Read();
                entity.RowKey = reader.GetString() ?? string.Empty;
                continue;
            }

            if (reader.ValueTextEquals("Timestamp"u8))
            {
                reader.Read();
                entity.Timestamp = ReadDateTime(ref reader);
                continue;
            }

            if (reader.ValueTextEquals("odata.etag"u8))
            {
                reader.Read();
                entity.ETag = new ETag(reader.GetString() ?? string.Empty);
                continue;
            }

            var name = reader.GetString()!;
            reader.Read();
            if (name.EndsWith(EdmTypes.AnnotationSuffix, StringComparison.Ordinal))
            {
                var target = name[..^EdmTypes.AnnotationSuffix.Length];
                var type = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? EdmTypes.Parse(reader.ValueSpan) : EdmType.None;
                if (target is "PartitionKey" or "RowKey" or "Timestamp")
                {
                    continue;
                }

                if (entity.Properties.TryGetValue(target, out var early))
                {
                    entity.SetParsed(target, ConvertLate(target, early, type));
                }
                else
                {
                    (annotations ??= []).Add((target, type));
                }

                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                reader.Skip();
                continue;
            }

            var value = ReadValue(ref reader, name, TakeAnnotation(annotations, name));
            if (value is not null)
            {
                entity.SetParsed(name, value);
            }
        }

        return entity;
    }

    private static EdmType TakeAnnotation(List<(string Name, EdmType Type)>? annotations, string name)
    {
        if (annotations is null || annotations.Count == 0)
        {
            return EdmType.None;
        }

        // Usually the annotation read just before this property.
        for (var i = annotations.Count - 1; i >= 0; i--)
        {
            if (string.Equals(annotations[i].Name, name, StringComparison.Ordinal))
            {
                var type = annotations[i].Type;
                annotations.RemoveAt(i);
                return type;
            }
        }

        return EdmType.None;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, string name, EdmType type)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return type switch
                {
                    EdmType.Int64 => ParseInt64(reader.GetString()!, name),
                    EdmType.Int32 => ParseInt32(reader.GetString()!, name),
                    EdmType.Double => ParseDouble(reader.GetString()!, name),
                    EdmType.DateTime => ReadDateTime(ref reader),
                    EdmType.Guid => reader.GetGuid(),
                    EdmType.Binary => reader.GetBytesFromBase64(),
                    _ => reader.GetString(),
                };
            case JsonTokenType.Number:
                if (type == EdmType.Int64)
                {
                    return reader.GetInt64();
                }

                if (type == EdmType.Double || IsFractional(ref reader) || !reader.TryGetInt32(out var small))
                {
                    return reader.GetDouble();
                }

                return small;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static bool IsFractional(ref Utf8JsonReader reader)
    {
        // Entities are read from one contiguous buffer, so the value is never a sequence.
        return reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;
    }

    private static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value.ToUniversalTime();
        }

        // A value without a zone (stored by another client) is UTC, as the service treats it.
        return DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>An annotation that arrived after its value: reinterpret the value read untyped.</summary>
    private static object ConvertLate(string name, object value, EdmType type) => (type, value) switch
    {
        (EdmType.Int64, string s) => ParseInt64(s, name),
        (EdmType.Int64, int i) => (long)i,
        (EdmType.Int32, string s) => ParseInt32(s, name),
        (EdmType.Double, string s) => ParseDouble(s, name),
        (EdmType.Double, int i) => (double)i,
        (EdmType.DateTime, string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        (EdmType.Guid, string s) => Guid.Parse(s, CultureInfo.InvariantCulture),
        (EdmType.Binary, string s) => Convert.FromBase64String(s),
        _ => value,
    };

    private static long ParseInt64(string text, string name) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Property '{name}' is annotated Edm.Int64 but is not an integer.");

    private static int ParseInt32(string text, string name) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Property '{name}' is annotated Edm.Int32 but is not an integer.");

    private static double ParseDouble(string text, string name) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"Property '{name}' is annotated Edm.Double but is not a number."),
    };
}
