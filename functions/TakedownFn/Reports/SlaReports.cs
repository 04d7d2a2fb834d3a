using TakedownFn.Domain.Reports;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

/// <summary>
/// Builds SLA reports from the rollups: folds what is pending first, then reads the period's rollup
/// rows (day tier where whole days allow, <see cref="RollupPlan"/>) and a page of its breach rows.
/// </summary>
internal sealed class SlaReports(ReportFolding folding, ReportStore reports, ReportCache cache)
{
    /// <summary>
    /// The report listing one page of breaches, from <see cref="ReportCache"/> when nothing is pending
    /// and it was built before under the same stamp; <c>Hit</c> says which.
    /// </summary>
    public async Task<(SlaReport Report, bool Hit)> GetAsync(string tenantId, SlaReportQuery query, BreachPaging paging, CancellationToken cancellationToken)
    {
        var stamp = await folding.EnsureFoldedAsync(tenantId, cancellationToken);
        var key = string.Join('\n', "sla", query.From.UtcTicks, query.To.UtcTicks, query.Zone.Id, string.Join(',', query.GroupBy), paging.Size, paging.AfterKey);
        return await cache.GetOrBuildAsync(tenantId, key, stamp, () => ReadAsync(tenantId, query, paging, cancellationToken), r => 1 + r.Groups.Sum(g => 1 + g.Breaches.Count));
    }

    /// <summary>The report with every breach listed (a closed period's statement).</summary>
    public Task<SlaReport> BuildAsync(string tenantId, SlaReportQuery query, CancellationToken cancellationToken) =>
        BuildAsync(tenantId, query, null, cancellationToken);

    /// <summary>The report listing one page of breaches (<paramref name="paging"/>; null lists all).</summary>
    public async Task<SlaReport> BuildAsync(string tenantId, SlaReportQuery query, BreachPaging? paging, CancellationToken cancellationToken)
    {
        await folding.EnsureFoldedAsync(tenantId, cancellationToken);
        return await ReadAsync(tenantId, query, paging, cancellationToken);
    }

    private async Task<SlaReport> ReadAsync(string tenantId, SlaReportQuery query, BreachPaging? paging, CancellationToken cancellationToken)
    {
        var rows = reports.RollupsAsync(tenantId, RollupPlan.For(query), cancellationToken);
        var breaches = reports.BreachesAsync(tenantId, query.From, query.To, paging?.AfterKey, cancellationToken: cancellationToken);
        var page = paging is null
            ? new BreachPage(await breaches.Select(b => b.Row).ToListAsync(cancellationToken), null)
            : await BreachPage.TakeAsync(query, breaches, paging.Size, cancellationToken);
        return SlaReport.Build(query, await rows, page.Rows) with
        {
            BreachesPageSize = paging?.Size,
            BreachesNext = page.LastKey is { } last ? BreachPaging.Token(last) : null,
        };
    }
}
