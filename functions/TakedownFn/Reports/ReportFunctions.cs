using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Functions;
using TakedownFn.Storage.Reports;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Reports;

/// <summary>The reports under the Functions host: the handlers of the report endpoints and the rollup fold's timer.</summary>
internal sealed class ReportFunctions(SlaReports reports, ReportFolding folding, ReportPeriods periods, ReportStore store, ReportCache cache, TenantStore tenants, TimeProvider time)
{
    [Function("GetSlaReport")]
    [Authorize(Policy = ReportPolicies.ReadReports)]
    public Task<IResult> GetSlaReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/sla")] HttpRequest request) =>
        SlaReportEndpoints.GetAsync(request.HttpContext, reports, request.HttpContext.RequestAborted);

    [Function("CloseReportPeriod")]
    [Authorize(Policy = ReportPolicies.OfficerReports)]
    public Task<IResult> CloseReportPeriod([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/periods")] HttpRequest request) =>
        ReportPeriodEndpoints.CloseAsync(request.HttpContext, periods, request.HttpContext.RequestAborted);

    [Function("GetReportPeriod")]
    [Authorize(Policy = ReportPolicies.ReadReports)]
    public Task<IResult> GetReportPeriod([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/periods/{id}")] HttpRequest request, string id) =>
        ReportPeriodEndpoints.GetAsync(id, request.HttpContext, store, request.HttpContext.RequestAborted);

    [Function("GetReportPeriodDifferences")]
    [Authorize(Policy = ReportPolicies.ReadReports)]
    public Task<IResult> GetReportPeriodDifferences([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/periods/{id}/differences")] HttpRequest request, string id) =>
        ReportPeriodEndpoints.DifferencesAsync(id, request.HttpContext, periods, request.HttpContext.RequestAborted);

    [Function("GetDsaTransparencyReport")]
    [Authorize(Policy = ReportPolicies.OfficerReports)]
    public Task<IResult> GetDsaTransparencyReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/dsa-transparency")] HttpRequest request) =>
        DsaTransparencyEndpoints.GetAsync(request.HttpContext, folding, store, cache, tenants, time, request.HttpContext.RequestAborted);

    [Function("FoldReports")]
    public Task FoldReports([TimerTrigger(Schedules.EveryTwoSeconds)] TimerInfo timer, CancellationToken cancellationToken) =>
        folding.RunAsync(cancellationToken);
}
