using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;

namespace TakedownFn.Erasure;

/// <summary>Erasure under the Functions host: the handler of <see cref="ErasureEndpoints"/> and the timer of <see cref="RetentionSweep"/>.</summary>
internal sealed class ErasureFunctions(CaseErasures erasures, RetentionSweep sweep)
{
    [Function("EraseCase")]
    [Authorize(Policy = Policies.ErasePersonalData)]
    public Task<IResult> EraseCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{id}/erasure")] HttpRequest request, string id) =>
        ErasureEndpoints.EraseAsync(id, request.HttpContext, erasures, request.HttpContext.RequestAborted);

    [Function("SweepRetention")]
    public Task SweepRetention([TimerTrigger(RetentionSweep.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
