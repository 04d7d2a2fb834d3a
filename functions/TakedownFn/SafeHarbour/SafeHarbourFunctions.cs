using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Reports;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.SafeHarbour;

/// <summary>The safe-harbour statement under the Functions host: the handler of <see cref="SafeHarbourEndpoints"/>.</summary>
internal sealed class SafeHarbourFunctions(SafeHarbourStatements statements, LedgerSigningKeys keys)
{
    [Function("GetSafeHarbourStatement")]
    [Authorize(Policy = ReportPolicies.ReadReports)]
    public Task<IResult> GetSafeHarbourStatement([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/safe-harbour")] HttpRequest request) =>
        SafeHarbourEndpoints.GetAsync(request.HttpContext, statements, keys, request.HttpContext.RequestAborted);
}
