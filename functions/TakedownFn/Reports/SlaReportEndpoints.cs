using TakedownFn.Auth;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Validation;
using TakedownFn.Evidence;
using TakedownFn.Http;

namespace TakedownFn.Reports;

/// <summary>
/// <c>GET /api/reports/sla?from=&amp;to=&amp;tz=&amp;groupBy=&amp;breaches=&amp;breachesAfter=</c> (officer, auditor): the SLA report of
/// the cases received in the period, from the rollups; <c>Accept: text/csv</c> for CSV. <c>Server-Timing</c> says whether it came from
/// the report cache (<c>cache;desc="hit"</c> or <c>"miss"</c>).
/// </summary>
internal static class SlaReportEndpoints
{
    public const string CsvMediaType = "text/csv";

    public static void MapSlaReport(this WebApplication app) =>
        app.MapGet("/api/reports/sla", GetAsync).RequireAuthorization(ReportPolicies.ReadReports);

    internal static async Task<IResult> GetAsync(HttpContext context, SlaReports reports, CancellationToken cancellationToken)
    {
        var q = context.Request.Query;
        var (query, errors) = SlaReportQuery.Parse(q["from"], q["to"], q["tz"], q["groupBy"]);
        var (paging, pagingErrors) = BreachPaging.Parse(q["breaches"], q["breachesAfter"]);
        if (query is null || paging is null)
        {
            return Problems.Validation(errors.Select(e => new ValidationError(e.Field, e.Message)).Concat(pagingErrors));
        }

        var timings = new ServerTimings();
        var (report, hit) = await reports.GetAsync(Caller.From(context.User).Tenant, query, paging, cancellationToken);
        timings.Mark("report");
        timings.Describe("cache", hit ? "hit" : "miss");
        context.Response.Headers["Server-Timing"] = timings.ToString();
        return WantsCsv(context.Request)
            ? TypedResults.Bytes(SlaReportCsv.Bytes(report), "text/csv; charset=utf-8; header=present")
            : TypedResults.Ok(report);
    }

    /// <summary>True when the caller prefers CSV to JSON (RFC 9110 content negotiation on <c>Accept</c>).</summary>
    public static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var csv = accept.Where(a => a.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return csv > 0 && csv >= json;
    }
}
