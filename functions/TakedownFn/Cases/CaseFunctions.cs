using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Domain.Sla;
using TakedownFn.Processing;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Incidents;

namespace TakedownFn.Cases;

/// <summary>Cases and steps under the Functions host; the same handlers as <see cref="CaseEndpoints"/>.</summary>
internal sealed class CaseFunctions(
    CaseStore cases, IncidentStore incidents, IntakeQueue intake, SlaTimerQueue timers, SlaRecorder recorder, CalendarCatalog calendars, SlaOptions sla, TimeProvider time)
{
    [Function("ListCases")]
    [Authorize(Policy = Policies.ReadCases)]
    public Task<IResult> ListCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request) =>
        CaseEndpoints.ListAsync(request.HttpContext, cases, time, request.HttpContext.RequestAborted);

    [Function("GetCase")]
    [Authorize(Policy = Policies.ReadCases)]
    public Task<IResult> GetCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{id}")] HttpRequest request, string id) =>
        CaseEndpoints.GetAsync(id, request.HttpContext, cases, incidents, calendars, sla, time, request.HttpContext.RequestAborted);

    [Function("RecordStep")]
    [Authorize(Policy = Policies.SubmitNotices)]
    public Task<IResult> RecordStep([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{id}/steps")] HttpRequest request, string id) =>
        CaseEndpoints.RecordStepAsync(id, request.HttpContext, cases, intake, timers, recorder, calendars, sla, time, request.HttpContext.RequestAborted);
}
