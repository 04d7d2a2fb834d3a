using TakedownFn.Auth;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Reports;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.SafeHarbour;

/// <summary>
/// <c>GET /api/reports/safe-harbour?from=&amp;to=&amp;regime=&amp;format=</c> (officer, auditor): the
/// period safe-harbour statement, signed and bound to the current checkpoint; <c>format=pdf</c>
/// renders the same statement for a reader.
/// </summary>
internal static class SafeHarbourEndpoints
{
    public static void MapSafeHarbour(this WebApplication app) =>
        app.MapGet("/api/reports/safe-harbour", GetAsync).RequireAuthorization(ReportPolicies.ReadReports);

    internal static async Task<IResult> GetAsync(HttpContext context, SafeHarbourStatements statements, LedgerSigningKeys keys, CancellationToken cancellationToken)
    {
        var q = context.Request.Query;

        // The period is read as the SLA report reads it (dates are UTC midnight, instants need an offset).
        var (period, periodErrors) = SlaReportQuery.Parse(q["from"], q["to"], null, null);
        var errors = periodErrors.Select(e => new ValidationError(e.Field, e.Message)).ToList();
        string? regime = q["regime"].ToString() is { Length: > 0 } r ? r : null;
        if (regime is not null && !Regimes.TryGet(regime, out _))
        {
            errors.Add(new ValidationError("regime", $"is not one of {string.Join(", ", Regimes.All.Select(x => x.Id))}"));
        }

        var format = q["format"].ToString();
        if (format is not ("" or "json" or "pdf"))
        {
            errors.Add(new ValidationError("format", "must be json or pdf"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var tenant = Caller.From(context.User).Tenant;
        var signed = await statements.BuildAsync(tenant, period!.From, period.To, regime, cancellationToken);
        if (signed is null)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "No checkpoint yet", "The tenant's ledger has no signed checkpoint to bind the statement to yet; try again once it has.");
        }

        return format == "pdf"
            ? TypedResults.File(SafeHarbourPdf.Render(signed, keys.VerifierKeys(tenant)), "application/pdf", $"safe-harbour-{signed.StatementId}.pdf")
            : TypedResults.Bytes(signed.Body, "application/json");
    }
}
