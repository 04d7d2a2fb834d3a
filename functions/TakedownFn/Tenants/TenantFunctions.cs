using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Tenants;

/// <summary>Tenant administration under the Functions host; the same handlers as <see cref="TenantEndpoints"/>.</summary>
internal sealed class TenantFunctions(TenantAdministration admin, TenantStore tenants, TimeProvider time)
{
    [Function("CreateTenant")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> CreateTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants")] HttpRequest request) =>
        TenantEndpoints.CreateAsync(request.HttpContext, admin, request.HttpContext.RequestAborted);

    [Function("IssueKey")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> IssueKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tenants/{tenantId}/keys")] HttpRequest request, string tenantId) =>
        TenantEndpoints.IssueKeyAsync(tenantId, request.HttpContext, admin, tenants, time, request.HttpContext.RequestAborted);

    [Function("ListKeys")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> ListKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/keys")] HttpRequest request, string tenantId) =>
        TenantEndpoints.ListKeysAsync(tenantId, tenants, time, request.HttpContext.RequestAborted);

    [Function("RevokeKey")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> RevokeKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "tenants/{tenantId}/keys/{keyId}")] HttpRequest request, string tenantId, string keyId) =>
        TenantEndpoints.RevokeKeyAsync(tenantId, keyId, request.HttpContext, admin, tenants, time, request.HttpContext.RequestAborted);
}
