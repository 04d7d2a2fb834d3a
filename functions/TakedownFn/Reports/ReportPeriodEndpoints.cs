using System.Text.Json;
using TakedownFn.Auth;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;

namespace TakedownFn.Reports;

/// <summary>
/// <c>POST /api/reports/periods</c> (officer) closes a period; <c>GET /api/reports/periods/{id}</c>
/// (officer, auditor) answers its frozen, signed statement, byte for byte;
/// <c>GET /api/reports/periods/{id}/differences</c> lists what changed since.
/// </summary>
internal static class ReportPeriodEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    public static void MapReportPeriods(this WebApplication app)
    {
        app.MapPost("/api/reports/periods", CloseAsync).RequireAuthorization(ReportPolicies.OfficerReports);
        app.MapGet("/api/reports/periods/{id}", GetAsync).RequireAuthorization(ReportPolicies.ReadReports);
        app.MapGet("/api/reports/periods/{id}/differences", DifferencesAsync).RequireAuthorization(ReportPolicies.ReadReports);
    }

    internal static async Task<IResult> CloseAsync(HttpContext context, ReportPeriods periods, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        PeriodRequest? request = null;
        try
        {
            request = JsonSerializer.Deserialize<PeriodRequest>(body.Span, JsonBody.Options);
        }
        catch (JsonException)
        {
            return Problems.Validation([new ValidationError("$", "must be a JSON object with from, to and optionally tz and groupBy")]);
        }

        var (query, errors) = SlaReportQuery.Parse(request?.From, request?.To, request?.Tz, request?.GroupBy);
        if (query is null)
        {
            return Problems.Validation(errors.Select(e => new ValidationError(e.Field, e.Message)));
        }

        var closed = await periods.CloseAsync(Caller.From(context.User).Tenant, query, cancellationToken);
        if (closed is not { } period)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "No checkpoint yet", "The tenant's ledger has no signed checkpoint to bind the period to yet; try again once it has.");
        }

        context.Response.Headers.Location = $"/api/reports/periods/{period.PeriodId}";
        return new StoredJson(period.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, period.Body);
    }

    internal static async Task<IResult> GetAsync(string id, HttpContext context, Storage.Reports.ReportStore store, CancellationToken cancellationToken) =>
        await store.GetPeriodAsync(Caller.From(context.User).Tenant, id, cancellationToken) is { } body
            ? new StoredJson(StatusCodes.Status200OK, body)
            : Problems.NotFound("closed period");

    internal static async Task<IResult> DifferencesAsync(string id, HttpContext context, ReportPeriods periods, CancellationToken cancellationToken) =>
        await periods.DifferencesAsync(Caller.From(context.User).Tenant, id, cancellationToken) is { } differences
            ? TypedResults.Ok(new PeriodDifferences(id, differences))
            : Problems.NotFound("closed period");

    internal sealed record PeriodRequest(string? From, string? To, string? Tz, string? GroupBy);

    /// <summary>What changed in a closed period's figures since it was closed.</summary>
    internal sealed record PeriodDifferences(string PeriodId, IReadOnlyList<PeriodDifference> Differences);

    /// <summary>Stored JSON bytes, written as they are (201 for a period closed by this request).</summary>
    private sealed class StoredJson(int status, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
