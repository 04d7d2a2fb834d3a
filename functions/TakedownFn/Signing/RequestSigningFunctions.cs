using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;
using TakedownFn.Tenants;

namespace TakedownFn.Signing;

/// <summary>Request signing under the Functions host; the same handler as <see cref="RequestSigningEndpoints"/>.</summary>
internal sealed class RequestSigningFunctions(TenantStore tenants, RequestSigningStore store, RequestSignatures signatures, AdminAudit audit)
{
    [Function("SetRequestSigning")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> SetRequestSigning([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "tenants/{tenantId}/request-signing")] HttpRequest request, string tenantId) =>
        RequestSigningEndpoints.PutAsync(tenantId, request.HttpContext, tenants, store, signatures, audit, request.HttpContext.RequestAborted);
}
