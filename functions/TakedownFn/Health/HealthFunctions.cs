using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Storage;
using TakedownFn.Storage.Accounts;

namespace TakedownFn.Health;

/// <summary><c>GET /api/health</c> under the Functions host; the same handler as <see cref="HealthEndpoints"/>.</summary>
internal sealed class HealthFunctions(StorageProbe probe, StorageResources resources)
{
    [Function("Health")]
    [AllowAnonymous]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        HealthEndpoints.CheckAsync(probe, resources, request.HttpContext.RequestAborted);
}
