using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;

namespace TakedownFn.Dashboard;

/// <summary>
/// The dashboard and <c>GET /api/me</c> under the Functions host; the same handlers as
/// <see cref="DashboardEndpoints"/>. host.json's routePrefix puts the dashboard at <c>/api/dashboard/</c> there.
/// </summary>
internal sealed class DashboardFunctions
{
    [Function("Dashboard")]
    [AllowAnonymous]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest request, string? path) =>
        DashboardEndpoints.Serve(request.HttpContext, path);

    [Function("GetMe")]
    [Authorize(Policy = Policies.AnyRole)]
    public IResult GetMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) =>
        DashboardEndpoints.Me(request.HttpContext);
}
