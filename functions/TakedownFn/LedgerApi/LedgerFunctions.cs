using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;
using TakedownFn.Functions;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.LedgerApi;

/// <summary>The ledger under the Functions host: the handlers of <see cref="LedgerEndpoints"/> and the sequencer's timer.</summary>
internal sealed class LedgerFunctions(LedgerStore store, LedgerSigningKeys keys, LedgerSequencing sequencing)
{
    [Function("GetLedgerCheckpoint")]
    [Authorize(Policy = Policies.ReadLedger)]
    public Task<IResult> GetLedgerCheckpoint([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/checkpoint")] HttpRequest request) =>
        LedgerEndpoints.GetCheckpointAsync(request.HttpContext, store, request.HttpContext.RequestAborted);

    [Function("GetLedgerKeys")]
    [Authorize(Policy = Policies.ReadLedger)]
    public IResult GetLedgerKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/keys")] HttpRequest request) =>
        LedgerEndpoints.GetKeys(request.HttpContext, keys);

    [Function("GetLedgerInclusionProof")]
    [Authorize(Policy = Policies.ReadLedger)]
    public Task<IResult> GetLedgerInclusionProof([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/proofs/inclusion")] HttpRequest request) =>
        LedgerEndpoints.GetInclusionProofAsync(request.HttpContext, store, request.HttpContext.RequestAborted);

    [Function("GetLedgerConsistencyProof")]
    [Authorize(Policy = Policies.ReadLedger)]
    public Task<IResult> GetLedgerConsistencyProof([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/proofs/consistency")] HttpRequest request) =>
        LedgerEndpoints.GetConsistencyProofAsync(request.HttpContext, store, request.HttpContext.RequestAborted);

    [Function("GetLedgerLeaves")]
    [Authorize(Policy = Policies.ReadLedger)]
    public Task<IResult> GetLedgerLeaves([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/leaves")] HttpRequest request) =>
        LedgerEndpoints.GetLeavesAsync(request.HttpContext, store, request.HttpContext.RequestAborted);

    [Function("ExportLedger")]
    [Authorize(Policy = Policies.ReadLedger)]
    public Task<IResult> ExportLedger([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/export")] HttpRequest request) =>
        LedgerEndpoints.ExportAsync(request.HttpContext, store, keys, request.HttpContext.RequestAborted);

    [Function("SequenceLedger")]
    public Task SequenceLedger([TimerTrigger(Schedules.EveryTwoSeconds)] TimerInfo timer, CancellationToken cancellationToken) =>
        sequencing.RunAsync(cancellationToken);
}
