using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Sla;

/// <summary>
/// The SLA engine under the Functions host: tenant SLA settings and the at-risk list (the handlers of
/// <see cref="SlaTenantEndpoints"/> and <see cref="AtRiskEndpoints"/>), the timers and escalations
/// queues, and the sweep. A queue function throws when its handler fails, so the host retries the
/// message and, after maxDequeueCount, moves it to the poison queue.
/// </summary>
internal sealed class SlaFunctions(
    TenantStore tenants,
    TenantSettingsStore settings,
    PolicyCatalog catalog,
    EscalationWebhooks webhooks,
    CaseStore cases,
    Storage.Surge.SurgeStore surges,
    TimeProvider time,
    SlaTimerHandler timerHandler,
    EscalationHandler escalationHandler,
    SlaSweep sweep)
{
    [Function("SetSlaOverride")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> SetSlaOverride([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "tenants/{tenantId}/sla-override")] HttpRequest request, string tenantId) =>
        SlaTenantEndpoints.PutOverrideAsync(tenantId, request.HttpContext, tenants, settings, catalog, request.HttpContext.RequestAborted);

    [Function("SetEscalationWebhook")]
    [Authorize(Policy = Policies.ManageTenants)]
    public Task<IResult> SetEscalationWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "tenants/{tenantId}/escalation-webhook")] HttpRequest request, string tenantId) =>
        SlaTenantEndpoints.PutWebhookAsync(tenantId, request.HttpContext, tenants, webhooks, request.HttpContext.RequestAborted);

    [Function("GetAtRisk")]
    [Authorize(Policy = Policies.ReadCases)]
    public Task<IResult> GetAtRisk([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sla/at-risk")] HttpRequest request) =>
        AtRiskEndpoints.GetAsync(request.HttpContext, cases, surges, time, request.HttpContext.RequestAborted, request.Query["within"]);

    [Function("FireSlaTimer")]
    public Task FireSlaTimer([QueueTrigger(QueueNames.Timers)] QueueMessage message, CancellationToken cancellationToken) =>
        timerHandler.HandleAsync(QueueDelivery.From(message), cancellationToken);

    [Function("DeliverEscalation")]
    public Task DeliverEscalation([QueueTrigger(QueueNames.Escalations)] QueueMessage message, CancellationToken cancellationToken) =>
        escalationHandler.HandleAsync(QueueDelivery.From(message), cancellationToken);

    [Function("SweepSla")]
    public Task SweepSla([TimerTrigger(Schedules.EveryMinute)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
