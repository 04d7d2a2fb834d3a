using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

/// <summary>A case with a provisional deadline, and the calendar data (<c>id:years</c>) it was computed with.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="CalendarData">The <c>DataVersion</c> of each calendar its provisional deadlines counted.</param>
public sealed record ProvisionalCase(string CaseId, IReadOnlyList<string> CalendarData);

public sealed partial class CaseStore
{
    /// <summary>The tenant's cases with a provisional deadline (one range query over <c>p|</c> rows).</summary>
    public async Task<IReadOnlyList<ProvisionalCase>> ProvisionalCasesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.ProvisionalFrom} and RowKey lt {CaseKeys.ProvisionalTo}");
        var found = new List<ProvisionalCase>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["CaseId", "CalendarData"], cancellationToken: cancellationToken))
        {
            found.Add(new ProvisionalCase(entity.GetString("CaseId")!, (entity.GetString("CalendarData") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)));
        }

        return found;
    }
}
