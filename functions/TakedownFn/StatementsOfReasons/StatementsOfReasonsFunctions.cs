using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace TakedownFn.StatementsOfReasons;

/// <summary>The statements-of-reasons export under the Functions host: the handler of <see cref="StatementsOfReasonsEndpoints"/>.</summary>
internal sealed class StatementsOfReasonsFunctions(StatementExport export)
{
    [Function("ExportStatementsOfReasons")]
    [Authorize(Policy = StatementsOfReasonsEndpoints.ExportPolicy)]
    public Task<IResult> ExportStatementsOfReasons([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/statements-of-reasons")] HttpRequest request) =>
        StatementsOfReasonsEndpoints.GetAsync(request.HttpContext, export, request.HttpContext.RequestAborted);
}
