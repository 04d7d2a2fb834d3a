using TakedownFn.Auth;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Tenants;

/// <summary>Admin endpoints: create a tenant; issue, list and revoke its keys.</summary>
internal static class TenantEndpoints
{
    private const int MaxNameLength = 100;
    private const int MaxBodyBytes = 4096;

    public static void MapTenants(this WebApplication app)
    {
        app.MapPost("/api/tenants", CreateAsync).RequireAuthorization(Policies.ManageTenants);
        app.MapPost("/api/tenants/{tenantId}/keys", IssueKeyAsync).RequireAuthorization(Policies.ManageTenants);
        app.MapGet("/api/tenants/{tenantId}/keys", ListKeysAsync).RequireAuthorization(Policies.ManageTenants);
        app.MapDelete("/api/tenants/{tenantId}/keys/{keyId}", RevokeKeyAsync).RequireAuthorization(Policies.ManageTenants);
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

        var tenant = await admin.CreateTenantAsync(name!, Caller.From(context.User).KeyId, cancellationToken);
        return TypedResults.Created($"/api/tenants/{tenant.TenantId}", tenant);
    }

    internal static async Task<IResult> IssueKeyAsync(string tenantId, HttpContext context, TenantAdministration admin, TenantStore tenants, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, errors) = JsonBody.Deserialize<IssueKeyRequest>(body.Span);
        var role = Role.Admin;
        if (errors.Count == 0)
        {
            var fields = new List<ValidationError>();
            if (!Roles.TryParse(request?.Role, out role) || role == Role.Admin)
            {
                fields.Add(new ValidationError("role", "must be platform, officer or auditor"));
            }

            if (request?.ExpiresAt is { } expires && expires <= time.GetUtcNow())
            {
                fields.Add(new ValidationError("expiresAt", "must be in the future"));
            }

            errors = fields;
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        var issued = await admin.IssueKeyAsync(tenantId, role, request!.ExpiresAt, Caller.From(context.User).KeyId, cancellationToken);
        return TypedResults.Created($"/api/tenants/{tenantId}/keys/{issued.KeyId}", issued);
    }

    /// <summary>The tenant's keys: ids, roles and times, never a secret or a hash.</summary>
    internal static async Task<IResult> ListKeysAsync(string tenantId, TenantStore tenants, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        var now = time.GetUtcNow();
        var keys = await tenants.ListKeysAsync(tenantId, cancellationToken);
        return TypedResults.Ok(new TenantKeys(tenantId, keys.Select(k => KeyView.From(k, now)).ToList()));
    }

    /// <summary>Revokes a key; revoking it again answers the same (the first revocation's time).</summary>
    internal static async Task<IResult> RevokeKeyAsync(string tenantId, string keyId, HttpContext context, TenantAdministration admin, TenantStore tenants, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        var key = await admin.RevokeKeyAsync(tenantId, keyId, Caller.From(context.User).KeyId, cancellationToken);
        return key is null ? Problems.NotFound("key") : TypedResults.Ok(KeyView.From(key, time.GetUtcNow()));
    }

    internal sealed record CreateTenantRequest(string? Name);

    internal sealed record IssueKeyRequest(string? Role, DateTimeOffset? ExpiresAt);

    internal sealed record TenantKeys(string TenantId, IReadOnlyList<KeyView> Keys);
}

/// <summary>A key as admins see it.</summary>
internal sealed record KeyView(string KeyId, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static KeyView From(ApiKeyRecord key, DateTimeOffset now) => new(
        key.KeyId,
        key.Role,
        key.RevokedAt is not null ? "revoked" : key.IsActiveAt(now) ? "active" : "expired",
        key.CreatedAt,
        key.ExpiresAt,
        key.RevokedAt,
        key.LastUsedAt);
}
