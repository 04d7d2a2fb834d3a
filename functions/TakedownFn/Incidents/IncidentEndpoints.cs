using TakedownFn.Auth;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Storage.Incidents;

namespace TakedownFn.Incidents;

/// <summary>
/// <c>GET /api/incidents</c>, <c>GET /api/incidents/{id}</c> and <c>GET /api/repeat-disclosers</c>:
/// the tenant's victim-centred incidents and flagged uploader accounts, for compliance officers.
/// </summary>
internal static class IncidentEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;

    public static void MapIncidents(this WebApplication app)
    {
        app.MapGet("/api/incidents", ListAsync).RequireAuthorization(Policies.ReadIncidents);
        app.MapGet("/api/incidents/{id}", GetAsync).RequireAuthorization(Policies.ReadIncidents);
        app.MapGet("/api/repeat-disclosers", ListDisclosersAsync).RequireAuthorization(Policies.ReadIncidents);
    }

    internal static async Task<IResult> ListAsync(HttpContext context, IncidentStore incidents, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var query = context.Request.Query;
        var pageSize = QueryValues.Int(query, "pageSize", $"must be 1 to {MaxPageSize}", errors);
        if (pageSize is < 1 or > MaxPageSize && !errors.Any(e => e.Field == "pageSize"))
        {
            errors.Add(new ValidationError("pageSize", $"must be 1 to {MaxPageSize}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        try
        {
            var page = await incidents.ListAsync(Caller.From(context.User).Tenant, pageSize ?? DefaultPageSize, query["continuation"], cancellationToken);
            return TypedResults.Ok(new IncidentPage(page.Values.Select(IncidentView.From).ToList(), page.ContinuationToken));
        }
        catch (ArgumentException)
        {
            return Problems.Validation([new ValidationError("continuation", "is not a token this API issued")]);
        }
    }

    internal static async Task<IResult> GetAsync(string id, HttpContext context, IncidentStore incidents, CancellationToken cancellationToken)
    {
        var incident = await incidents.GetAsync(Caller.From(context.User).Tenant, id, cancellationToken);
        return incident is null ? Problems.NotFound("incident") : TypedResults.Ok(IncidentView.From(incident));
    }

    internal static async Task<IResult> ListDisclosersAsync(HttpContext context, IncidentStore incidents, CancellationToken cancellationToken)
    {
        var flagged = await incidents.FlaggedDisclosersAsync(Caller.From(context.User).Tenant, cancellationToken);
        return TypedResults.Ok(new DiscloserList(flagged.Select(RepeatDiscloserView.From).ToList()));
    }

    internal sealed record IncidentPage(IReadOnlyList<IncidentView> Incidents, string? Continuation);

    internal sealed record DiscloserList(IReadOnlyList<RepeatDiscloserView> RepeatDisclosers);
}
