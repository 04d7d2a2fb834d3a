using System.IO.Compression;
using Azure.Data.Tables;

namespace TakedownFn.Storage.Reports;

public sealed partial class ReportStore
{
    private const int BodyChunkBytes = 64 * 1024;

    /// <summary>
    /// Stores a closed period's statement (the exact bytes it is served as, gzip-compressed in
    /// chunks), once: when the period was closed before, returns the stored bytes instead and
    /// writes nothing, so a closed period never changes.
    /// </summary>
    public async Task<(byte[] Body, bool Created)> ClosePeriodAsync(string tenantId, string periodId, byte[] body, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(tenantId, ReportKeys.Period(periodId)) { ["PeriodId"] = periodId };
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        var bytes = compressed.ToArray();
        for (int offset = 0, i = 0; offset < bytes.Length; offset += BodyChunkBytes, i++)
        {
            entity[$"Body{i}"] = bytes.AsSpan(offset, Math.Min(BodyChunkBytes, bytes.Length - offset)).ToArray();
        }

        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return (body, true);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return ((await GetPeriodAsync(tenantId, periodId, cancellationToken))!, false);
        }
    }

    /// <summary>A closed period's statement bytes, or null when it was never closed.</summary>
    public async Task<byte[]?> GetPeriodAsync(string tenantId, string periodId, CancellationToken cancellationToken = default)
    {
        var entity = await table.GetEntityOrNullAsync(tenantId, ReportKeys.Period(periodId), cancellationToken: cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var compressed = new MemoryStream();
        for (var i = 0; entity.GetBinary($"Body{i}") is { } chunk; i++)
        {
            compressed.Write(chunk);
        }

        compressed.Position = 0;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        var body = new MemoryStream();
        await gzip.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }
}
