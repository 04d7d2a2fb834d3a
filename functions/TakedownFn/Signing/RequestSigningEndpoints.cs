using TakedownFn.Auth;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Sla;
using TakedownFn.Storage.Tenants;
using TakedownFn.Tenants;

namespace TakedownFn.Signing;

/// <summary>Admin endpoint: require (or stop requiring) signed requests from a tenant.</summary>
internal static class RequestSigningEndpoints
{
    private const int MaxBodyBytes = 1024;

    public static void MapRequestSigning(this WebApplication app)
    {
        app.MapPut("/api/tenants/{tenantId}/request-signing", PutAsync).RequireAuthorization(Policies.ManageTenants);
    }

    /// <summary>
    /// <c>{"required": true}</c> makes a new secret (shown in this answer only; the old one stops
    /// working within a minute on every instance); <c>{"required": false}</c> turns signing off.
    /// </summary>
    internal static async Task<IResult> PutAsync(
        string tenantId, HttpContext context, TenantStore tenants, RequestSigningStore store, RequestSignatures signatures, AdminAudit audit, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, errors) = JsonBody.Deserialize<SigningRequest>(body.Span);
        if (errors.Count == 0 && request?.Required is null)
        {
            errors = [new ValidationError("required", "is required: true or false")];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        var required = request!.Required!.Value;
        var secret = required ? WebhookSignature.NewSecret() : string.Empty;
        await audit.RecordAsync(tenantId, "request-signing-set", $"{tenantId}|{Guid.NewGuid():N}", new { required }, Caller.From(context.User).KeyId, cancellationToken);
        await store.SaveAsync(new RequestSigningRecord(tenantId, required, secret), cancellationToken);
        signatures.Forget(tenantId);
        return TypedResults.Ok(new SigningAnswer(tenantId, required, required ? secret : null));
    }

    internal sealed record SigningRequest(bool? Required);

    /// <summary>The setting stored; the secret only when signing was turned on (shown in this answer only).</summary>
    internal sealed record SigningAnswer(string TenantId, bool Required, string? Secret);
}
