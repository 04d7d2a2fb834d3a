using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain.Reports;

namespace TakedownFn.Storage.Reports;

/// <summary>How report figures are stored: JSON, gzip-compressed into binary properties of at most 64 KiB each.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private const int ChunkBytes = 64 * 1024;
    private const string FiguresPrefix = "Figures";

    public static void WriteFigures(TableEntity entity, SlaFigures figures)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, figures, Options);
        }

        var bytes = buffer.ToArray();
        for (int offset = 0, i = 0; offset < bytes.Length; offset += ChunkBytes, i++)
        {
            entity[$"{FiguresPrefix}{i}"] = bytes.AsSpan(offset, Math.Min(ChunkBytes, bytes.Length - offset)).ToArray();
        }
    }

    public static SlaFigures ReadFigures(TableEntity entity)
    {
        var buffer = new MemoryStream();
        for (var i = 0; entity.GetBinary($"{FiguresPrefix}{i}") is { } chunk; i++)
        {
            buffer.Write(chunk);
        }

        buffer.Position = 0;
        using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<SlaFigures>(gzip, Options) ?? new SlaFigures();
    }

    /// <summary>Canonical text of figures (sorted keys, no zeros), to compare two sets exactly.</summary>
    public static string Canonical(SlaFigures figures) => JsonSerializer.Serialize(figures, Options);
}
