using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;

namespace TakedownFn.Evidence;

/// <summary>Evidence bundles under the Functions host: the handler of <see cref="EvidenceEndpoints"/>.</summary>
internal sealed class EvidenceFunctions(EvidenceSources sources)
{
    [Function("GetCaseEvidence")]
    [Authorize(Policy = Policies.ReadLedger)]
    public Task<IResult> GetCaseEvidence([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{id}/evidence")] HttpRequest request, string id) =>
        EvidenceEndpoints.GetAsync(id, request.HttpContext, sources, request.HttpContext.RequestAborted);
}
