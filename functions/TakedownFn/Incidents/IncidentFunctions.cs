using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Storage.Incidents;

namespace TakedownFn.Incidents;

/// <summary>Incidents and repeat disclosers under the Functions host; the same handlers as <see cref="IncidentEndpoints"/>.</summary>
internal sealed class IncidentFunctions(IncidentStore incidents)
{
    [Function("ListIncidents")]
    [Authorize(Policy = Policies.ReadIncidents)]
    public Task<IResult> ListIncidents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "incidents")] HttpRequest request) =>
        IncidentEndpoints.ListAsync(request.HttpContext, incidents, request.HttpContext.RequestAborted);

    [Function("GetIncident")]
    [Authorize(Policy = Policies.ReadIncidents)]
    public Task<IResult> GetIncident([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "incidents/{id}")] HttpRequest request, string id) =>
        IncidentEndpoints.GetAsync(id, request.HttpContext, incidents, request.HttpContext.RequestAborted);

    [Function("ListRepeatDisclosers")]
    [Authorize(Policy = Policies.ReadIncidents)]
    public Task<IResult> ListRepeatDisclosers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "repeat-disclosers")] HttpRequest request) =>
        IncidentEndpoints.ListDisclosersAsync(request.HttpContext, incidents, request.HttpContext.RequestAborted);
}
