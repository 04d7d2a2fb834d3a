using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Tenants;

/// <summary>Tenant administration under the Functions host; the same handlers as <see cref="TenantEndpoints"/>.</summary>
internal sealed class TenantFunctions(TenantAdministration admin, TenantStore tenants)
{
    [Function("CreateTenant")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> CreateTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants")] HttpRequest request) =>
        TenantEndpoints.CreateAsync(request.HttpContext, admin, request.HttpContext.RequestAborted);

    [Function("IssueKey")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> IssueKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants/{tenantId}/keys")] HttpRequest request, string tenantId) =>
        TenantEndpoints.IssueKeyAsync(tenantId, request.HttpContext, admin, tenants, request.HttpContext.RequestAborted);
}
