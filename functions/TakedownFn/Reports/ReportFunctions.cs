using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Functions;

namespace TakedownFn.Reports;

/// <summary>The reports under the Functions host: the handlers of the report endpoints and the rollup fold's timer.</summary>
internal sealed class ReportFunctions(SlaReports reports, ReportFolding folding)
{
    [Function("GetSlaReport")]
    [Authorize(Policy = ReportPolicies.ReadReports)]
    public Task<IResult> GetSlaReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/sla")] HttpRequest request) =>
        SlaReportEndpoints.GetAsync(request.HttpContext, reports, request.HttpContext.RequestAborted);

    [Function("FoldReports")]
    public Task FoldReports([TimerTrigger(Schedules.EveryTwoSeconds)] TimerInfo timer, CancellationToken cancellationToken) =>
        folding.RunAsync(cancellationToken);
}
