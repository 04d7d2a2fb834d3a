using TakedownFn.Auth;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;

namespace TakedownFn.StatementsOfReasons;

/// <summary>
/// <c>GET /api/reports/statements-of-reasons?from=&amp;to=</c> (officer): the statements of reasons of
/// the tenant's DSA cases whose first restriction was recorded in [from, to), in the EU Transparency
/// Database's schema and batches, and the cases that cannot form a valid one with the reasons.
/// </summary>
internal static class StatementsOfReasonsEndpoints
{
    public const string ExportPolicy = "export-statements-of-reasons";

    public static void AddStatementsOfReasons(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StatementExport>();
        // DSA Art. 24(5) submissions are the compliance officer's, like the transparency report.
        builder.Services.AddAuthorizationBuilder().AddPolicy(ExportPolicy, p => p.RequireRole(Role.Officer.Name()));
    }

    public static void MapStatementsOfReasons(this WebApplication app) =>
        app.MapGet("/api/reports/statements-of-reasons", GetAsync).RequireAuthorization(ExportPolicy);

    /// <summary>Both bounds are required: an export is for a stated period.</summary>
    internal static async Task<IResult> GetAsync(HttpContext context, StatementExport export, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var from = QueryValues.Time(context.Request.Query, "from", errors);
        var to = QueryValues.Time(context.Request.Query, "to", errors);
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is null && !errors.Any(e => e.Field == name))
            {
                errors.Add(new ValidationError(name, "is required"));
            }
        }

        if (from is not null && to is not null && to <= from)
        {
            errors.Add(new ValidationError("to", "must be after from"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await export.ExportAsync(Caller.From(context.User).Tenant, from!.Value, to!.Value, cancellationToken));
    }
}
