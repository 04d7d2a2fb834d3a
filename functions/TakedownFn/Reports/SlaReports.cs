using TakedownFn.Domain.Reports;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

/// <summary>Builds SLA reports from the rollups: folds what is pending first, then reads the period's rollup and breach rows.</summary>
internal sealed class SlaReports(ReportFolding folding, ReportStore reports)
{
    public async Task<SlaReport> BuildAsync(string tenantId, SlaReportQuery query, CancellationToken cancellationToken)
    {
        await folding.FoldTenantAsync(tenantId, cancellationToken);
        var rows = await reports.RollupsAsync(tenantId, query.From, query.To, cancellationToken);
        var breaches = await reports.BreachesAsync(tenantId, query.From, query.To, cancellationToken);
        return SlaReport.Build(query, rows, breaches);
    }
}
