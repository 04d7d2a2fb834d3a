using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;
using TakedownFn.Tenants;

namespace TakedownFn.Signing;

/// <summary>Request signing under the Functions host; the same handlers as <see cref="RequestSigningEndpoints"/> and the standalone timer of <see cref="SignatureSweep"/>.</summary>
internal sealed class RequestSigningFunctions(TenantStore tenants, RequestSigningStore store, RequestSignatures signatures, AdminAudit audit, SignatureSweep sweep)
{
    [Function("SetRequestSigning")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> SetRequestSigning([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "tenants/{tenantId}/request-signing")] HttpRequest request, string tenantId) =>
        RequestSigningEndpoints.PutAsync(tenantId, request.HttpContext, tenants, store, signatures, audit, request.HttpContext.RequestAborted);

    [Function("SweepSignatures")]
    public Task SweepSignatures([TimerTrigger(SignatureSweep.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
