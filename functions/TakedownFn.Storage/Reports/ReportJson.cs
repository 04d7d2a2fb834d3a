using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain.Reports;

namespace TakedownFn.Storage.Reports;

/// <summary>How report figures and period statements are stored: gzip-compressed into binary properties of at most 64 KiB each.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private const string FiguresPrefix = "Figures";

    public static void WriteFigures(TableEntity entity, SlaFigures figures) =>
        WriteCompressed(entity, FiguresPrefix, JsonSerializer.SerializeToUtf8Bytes(figures, Options));

    public static SlaFigures ReadFigures(TableEntity entity) =>
        JsonSerializer.Deserialize<SlaFigures>(ReadCompressed(entity, FiguresPrefix), Options) ?? new SlaFigures();

    /// <summary>Stores bytes gzip-compressed in binary properties <c>{prefix}0</c>, <c>{prefix}1</c>, … of at most 64 KiB each.</summary>
    public static void WriteCompressed(TableEntity entity, string prefix, ReadOnlySpan<byte> bytes)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        BinaryColumns.Write(entity, prefix, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The bytes <see cref="WriteCompressed"/> stored.</summary>
    public static byte[] ReadCompressed(TableEntity entity, string prefix)
    {
        using var gzip = new GZipStream(BinaryColumns.Read(entity, prefix), CompressionMode.Decompress);
        var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Canonical text of figures (sorted keys, no zeros), to compare two sets exactly.</summary>
    public static string Canonical(SlaFigures figures) => JsonSerializer.Serialize(figures, Options);
}
