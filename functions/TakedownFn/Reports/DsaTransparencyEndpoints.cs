using TakedownFn.Auth;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Validation;
using TakedownFn.Evidence;
using TakedownFn.Http;
using TakedownFn.Storage.Reports;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Reports;

/// <summary>
/// <c>GET /api/reports/dsa-transparency?from=&amp;to=&amp;tz=&amp;regimes=&amp;part=</c> (officer): the
/// Art. 16 notice figures of the DSA transparency report. JSON holds both template parts;
/// <c>Accept: text/csv</c> answers one part in the template's CSV layout (<c>part=notices</c>, the
/// default, or <c>part=identification</c>), as the Commission publishes the template as one CSV per part.
/// </summary>
internal static class DsaTransparencyEndpoints
{
    public static void MapDsaTransparency(this WebApplication app) =>
        app.MapGet("/api/reports/dsa-transparency", GetAsync).RequireAuthorization(ReportPolicies.OfficerReports);

    internal static async Task<IResult> GetAsync(HttpContext context, ReportFolding folding, ReportStore reports, ReportCache cache, TenantStore tenants, TimeProvider time, CancellationToken cancellationToken)
    {
        var q = context.Request.Query;
        var (query, parsed) = SlaReportQuery.Parse(q["from"], q["to"], q["tz"], null);
        var errors = parsed.Select(e => new ValidationError(e.Field, e.Message)).ToList();
        var regimes = ((string?)q["regimes"] ?? string.Join(',', DsaTransparencyReport.DefaultRegimes))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (regimes.Count == 0 || regimes.Any(r => Regimes.All.All(k => k.Id != r)))
        {
            errors.Add(new ValidationError("regimes", "must be a comma-separated list of regime ids: " + string.Join(", ", Regimes.All.Select(k => k.Id))));
        }

        var part = (string?)q["part"] ?? "notices";
        if (part is not ("notices" or "identification"))
        {
            errors.Add(new ValidationError("part", "must be notices or identification"));
        }

        if (query is null || errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var tenantId = Caller.From(context.User).Tenant;
        // The rollup rows are what is cached (the answer also holds today's date): same stamp rules as the SLA report.
        var timings = new ServerTimings();
        var stamp = await folding.EnsureFoldedAsync(tenantId, cancellationToken);
        var key = string.Join('\n', "dsa", query.From.UtcTicks, query.To.UtcTicks);
        var (rows, hit) = await cache.GetOrBuildAsync(tenantId, key, stamp, () => reports.RollupsAsync(tenantId, query.From, query.To, cancellationToken), r => r.Count);
        timings.Mark("report");
        timings.Describe("cache", hit ? "hit" : "miss");
        context.Response.Headers["Server-Timing"] = timings.ToString();
        var provider = (await tenants.GetTenantAsync(tenantId, cancellationToken))?.Name ?? tenantId;
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.From, query.Zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.To, query.Zone).DateTime.AddTicks(-1));
        var identification = DsaTransparencyReport.Identification(provider, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), null, first, last);
        var notices = DsaTransparencyReport.Notices(rows, regimes);
        if (SlaReportEndpoints.WantsCsv(context.Request))
        {
            IEnumerable<IReadOnlyList<string>> table = part == "identification"
                ? [DsaTransparencyReport.IdentificationColumns, identification]
                : [DsaTransparencyReport.NoticeColumns, .. notices];
            return TypedResults.Bytes(SlaReportCsv.Write(table.Select(r => r.ToArray())), "text/csv; charset=utf-8; header=present");
        }

        return TypedResults.Ok(new DsaTransparencyAnswer(
            [.. regimes.Order(StringComparer.Ordinal)],
            Zip(DsaTransparencyReport.IdentificationColumns, identification),
            notices.Select(n => Zip(DsaTransparencyReport.NoticeColumns, n)).ToList()));
    }

    private static Dictionary<string, string> Zip(IReadOnlyList<string> columns, IReadOnlyList<string> values) =>
        columns.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    /// <summary>Both template parts as JSON: each row keyed by the template's column names.</summary>
    internal sealed record DsaTransparencyAnswer(
        IReadOnlyList<string> Regimes, IReadOnlyDictionary<string, string> Identification, IReadOnlyList<Dictionary<string, string>> Notices);
}
