using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// The JSON form of entities. Writes annotate every type that JSON alone cannot carry
/// (<c>Edm.Int64</c>, <c>Edm.DateTime</c>, <c>Edm.Guid</c>, <c>Edm.Binary</c>) and every double, so
/// that a whole double such as 2.0 is stored as <c>Edm.Double</c>, not <c>Edm.Int32</c>
/// (https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations).
/// </summary>
internal static partial class TableEntityJson
{
    /// <summary>
    /// Non-ASCII text is written as UTF-8 rather than \u escapes (smaller bodies against the 1 MiB and
    /// 4 MiB limits); quotes, backslashes and control characters are still escaped, so a body is one line.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey"u8, entity.PartitionKey);
        writer.WriteString("RowKey"u8, entity.RowKey);
        Span<char> text = stackalloc char[40];
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case string s:
                    writer.WriteString(name, s);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    WriteAnnotation(writer, name, "Edm.Int64"u8);
                    l.TryFormat(text, out var digits, default, CultureInfo.InvariantCulture);
                    writer.WriteString(name, text[..digits]);
                    break;
                case double d:
                    WriteAnnotation(writer, name, "Edm.Double"u8);
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumber(name, d);
                    }
                    else
                    {
                        // JSON has no NaN or infinities: the service takes them as annotated strings.
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    break;
                case DateTimeOffset t:
                    WriteAnnotation(writer, name, "Edm.DateTime"u8);
                    TableDateTime.TryFormat(t, text, out var length);
                    writer.WriteString(name, text[..length]);
                    break;
                case Guid g:
                    WriteAnnotation(writer, name, "Edm.Guid"u8);
                    writer.WriteString(name, g);
                    break;
                case byte[] bytes:
                    WriteAnnotation(writer, name, "Edm.Binary"u8);
                    writer.WriteBase64String(name, bytes);
                    break;
                default:
                    // The indexer admits only the types above.
                    throw new InvalidOperationException($"Property '{name}' has unsupported type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteAnnotation(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> type)
    {
        const int MaxStackName = 256;
        var suffix = EdmTypes.AnnotationSuffix;
        if (name.Length + suffix.Length > MaxStackName)
        {
            writer.WriteString(name + suffix, type);
            return;
        }

        Span<char> annotation = stackalloc char[MaxStackName];
        name.CopyTo(annotation);
        suffix.CopyTo(annotation[name.Length..]);
        writer.WriteString(annotation[..(name.Length + suffix.Length)], type);
    }
}
