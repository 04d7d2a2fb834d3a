using System.Text;
using TakedownFn.Auth;
using TakedownFn.Ledger.Export;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.LedgerApi;

internal static partial class LedgerEndpoints
{
    /// <summary>
    /// Streams the whole log up to the latest checkpoint in the Ledger library's export format
    /// (what <c>TakedownFn.Verifier export</c> replays), a page of rows at a time.
    /// </summary>
    internal static async Task<IResult> ExportAsync(HttpContext context, LedgerStore store, LedgerSigningKeys keys, CancellationToken cancellationToken)
    {
        var tenant = Caller.From(context.User).Tenant;
        var state = await store.GetStateAsync(tenant, cancellationToken);
        if (state.Checkpoint is null)
        {
            return NoCheckpoint();
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"ledger-{tenant}-{state.CheckpointSize}.jsonl\"";
        return TypedResults.Stream(async body =>
        {
            await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
            var writer = new LedgerExportWriter(text, keys.Origin(tenant));
            await writer.WriteHeaderAsync(cancellationToken);
            await foreach (var leaf in store.ReadLeavesAsync(tenant, 0, state.CheckpointSize, cancellationToken))
            {
                await writer.WriteLeafAsync(leaf.Leaf, cancellationToken);
            }

            await writer.WriteCheckpointAsync(state.Checkpoint, cancellationToken);
        }, "application/x-ndjson");
    }
}
