using TakedownFn.Domain.Reports;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

/// <summary>
/// Builds SLA reports from the rollups: folds what is pending first, then reads the period's rollup
/// rows (day tier where whole days allow, <see cref="RollupPlan"/>) and a page of its breach rows.
/// </summary>
internal sealed class SlaReports(ReportFolding folding, ReportStore reports)
{
    /// <summary>The report with every breach listed (a closed period's statement).</summary>
    public Task<SlaReport> BuildAsync(string tenantId, SlaReportQuery query, CancellationToken cancellationToken) =>
        BuildAsync(tenantId, query, null, cancellationToken);

    /// <summary>The report listing one page of breaches (<paramref name="paging"/>; null lists all).</summary>
    public async Task<SlaReport> BuildAsync(string tenantId, SlaReportQuery query, BreachPaging? paging, CancellationToken cancellationToken)
    {
        await folding.EnsureFoldedAsync(tenantId, cancellationToken);
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
