using TakedownFn.Auth;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Tenants;

/// <summary>Admin endpoints: create a tenant, issue a key for it.</summary>
internal static class TenantEndpoints
{
    private const int MaxNameLength = 100;
    private const int MaxBodyBytes = 4096;

    public static void MapTenants(this WebApplication app)
    {
        app.MapPost("/api/tenants", CreateAsync).RequireAuthorization(Policies.ManageTenants);
        app.MapPost("/api/tenants/{tenantId}/keys", IssueKeyAsync).RequireAuthorization(Policies.ManageTenants);
    }

    internal static async Task<IResult> CreateAsync(HttpContext context, TenantAdministration admin, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, errors) = JsonBody.Deserialize<CreateTenantRequest>(body.Span);
        var name = request?.Name?.Trim();
        if (errors.Count == 0 && (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            errors = [new ValidationError("name", $"is required: 1 to {MaxNameLength} characters, no control characters")];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var tenant = await admin.CreateTenantAsync(name!, cancellationToken);
        return TypedResults.Created($"/api/tenants/{tenant.TenantId}", tenant);
    }

    internal static async Task<IResult> IssueKeyAsync(string tenantId, HttpContext context, TenantAdministration admin, TenantStore tenants, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, errors) = JsonBody.Deserialize<IssueKeyRequest>(body.Span);
        var role = Role.Admin;
        if (errors.Count == 0 && (!Roles.TryParse(request?.Role, out role) || role == Role.Admin))
        {
            errors = [new ValidationError("role", "must be platform, officer or auditor")];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        return TypedResults.Created((string?)null, await admin.IssueKeyAsync(tenantId, role, cancellationToken));
    }

    private sealed record CreateTenantRequest(string? Name);

    private sealed record IssueKeyRequest(string? Role);
}
