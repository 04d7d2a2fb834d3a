using Azure.Data.Tables;

namespace TakedownFn.Storage.Reports;

public sealed partial class ReportStore
{
    private const string BodyPrefix = "Body";

    /// <summary>
    /// Stores a closed period's statement (the exact bytes it is served as, gzip-compressed in
    /// chunks), once: when the period was closed before, returns the stored bytes instead and
    /// writes nothing, so a closed period never changes.
    /// </summary>
    public async Task<(byte[] Body, bool Created)> ClosePeriodAsync(string tenantId, string periodId, byte[] body, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(tenantId, ReportKeys.Period(periodId)) { ["PeriodId"] = periodId };
        ReportJson.WriteCompressed(entity, BodyPrefix, body);

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
        return entity is null ? null : ReportJson.ReadCompressed(entity, BodyPrefix);
    }
}
