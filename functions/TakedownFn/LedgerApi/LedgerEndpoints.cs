using TakedownFn.Auth;
using TakedownFn.Http;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.LedgerApi;

/// <summary>
/// The tenant's ledger for officers and auditors: checkpoint, keys, proofs, leaves and the export.
/// The tenant comes from the caller's key. Everything served is bounded by the latest signed
/// checkpoint, so every answer can be checked against a tree head the auditor can verify.
/// Hashes are lower-case hex (what the offline verifier takes), leaf bytes base64.
/// </summary>
internal static partial class LedgerEndpoints
{
    private const int DefaultLeafCount = 100;

    public static void MapLedger(this WebApplication app)
    {
        // Resolved now so that a bad key setting stops start-up instead of the first request.
        app.Services.GetRequiredService<LedgerSigningKeys>();
        var ledger = app.MapGroup("/api/ledger").RequireAuthorization(Policies.ReadLedger);
        ledger.MapGet("/checkpoint", GetCheckpointAsync);
        ledger.MapGet("/keys", GetKeys);
        ledger.MapGet("/proofs/inclusion", GetInclusionProofAsync);
        ledger.MapGet("/proofs/consistency", GetConsistencyProofAsync);
        ledger.MapGet("/leaves", GetLeavesAsync);
        ledger.MapGet("/export", ExportAsync);
    }

    internal static async Task<IResult> GetCheckpointAsync(HttpContext context, LedgerStore store, CancellationToken cancellationToken)
    {
        var tenant = Caller.From(context.User).Tenant;
        var state = await store.GetStateAsync(tenant, cancellationToken);
        if (state.Checkpoint is null)
        {
            return NoCheckpoint();
        }

        var checkpoint = Checkpoint.ParseNoteText(SignedNote.Parse(state.Checkpoint).Text);
        return TypedResults.Ok(new CheckpointView(checkpoint.Origin, checkpoint.TreeSize, Convert.ToHexStringLower(checkpoint.RootHash), state.Checkpoint, state.CheckpointAt));
    }

    internal static IResult GetKeys(HttpContext context, LedgerSigningKeys keys)
    {
        var tenant = Caller.From(context.User).Tenant;
        var published = keys.VerifierKeys(tenant).Select(k => new KeyView(
            k.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            k.ToNoteVerifierKeyString(),
            System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", k.SubjectPublicKeyInfo) + "\n",
            k.KeyId == keys.SigningKeyId)).ToList();
        return TypedResults.Ok(new KeysView(keys.Origin(tenant), published, keys.VerificationKeysPem));
    }

    internal static async Task<IResult> GetInclusionProofAsync(HttpContext context, LedgerStore store, CancellationToken cancellationToken)
    {
        var tenant = Caller.From(context.User).Tenant;
        var query = new LedgerQuery(context.Request.Query);
        var state = await store.GetStateAsync(tenant, cancellationToken);
        var size = RequireSize(query, "size", state.CheckpointSize);
        var index = query.Long("index");
        var eventId = query.Text("eventId");
        if (query.Has("index") == query.Has("eventId"))
        {
            query.Fail("index", "give either index or eventId");
        }
        else if (index is { } i && size is { } n && i >= n)
        {
            query.Fail("index", $"index {i} is beyond size {n}");
        }
        else if (query.Has("eventId") && string.IsNullOrEmpty(eventId))
        {
            query.Fail("eventId", "must be one event id");
        }

        if (!query.IsValid)
        {
            return Problems.Validation(query.Errors);
        }

        if (eventId is not null)
        {
            index = await store.FindEventAsync(tenant, eventId, size!.Value, cancellationToken);
            if (index is null)
            {
                return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"No event with that id among the log's first {size} leaves.");
            }
        }

        var leaf = await store.GetLeafAsync(tenant, index!.Value, cancellationToken);
        var proof = await store.InclusionProofAsync(tenant, index.Value, size!.Value, cancellationToken);
        var root = await store.RootAsync(tenant, size.Value, cancellationToken);
        return TypedResults.Ok(new InclusionView(index.Value, size.Value, leaf.EventId, Convert.ToBase64String(leaf.Leaf), Hex(leaf.LeafHash), Hex(root), proof.Select(Hex).ToList()));
    }

    internal static async Task<IResult> GetConsistencyProofAsync(HttpContext context, LedgerStore store, CancellationToken cancellationToken)
    {
        var tenant = Caller.From(context.User).Tenant;
        var query = new LedgerQuery(context.Request.Query);
        var state = await store.GetStateAsync(tenant, cancellationToken);
        var to = RequireSize(query, "to", state.CheckpointSize);
        var from = query.Long("from");
        if (from is null && query.IsValid)
        {
            query.Fail("from", "is required");
        }
        else if (from == 0)
        {
            query.Fail("from", "must be at least 1: consistency is defined from a non-empty tree (RFC 9162 §2.1.4)");
        }
        else if (from is { } f && to is { } t && f > t)
        {
            query.Fail("from", $"from {f} is beyond to {t}");
        }

        if (!query.IsValid)
        {
            return Problems.Validation(query.Errors);
        }

        var proof = await store.ConsistencyProofAsync(tenant, from!.Value, to!.Value, cancellationToken);
        var roots = await Task.WhenAll(store.RootAsync(tenant, from.Value, cancellationToken), store.RootAsync(tenant, to.Value, cancellationToken));
        return TypedResults.Ok(new ConsistencyView(from.Value, to.Value, Hex(roots[0]), Hex(roots[1]), proof.Select(Hex).ToList()));
    }

    internal static async Task<IResult> GetLeavesAsync(HttpContext context, LedgerStore store, CancellationToken cancellationToken)
    {
        var tenant = Caller.From(context.User).Tenant;
        var query = new LedgerQuery(context.Request.Query);
        var state = await store.GetStateAsync(tenant, cancellationToken);
        var published = state.CheckpointSize;
        var start = query.Long("start", 0);
        var count = query.Long("count", DefaultLeafCount);
        if (start is { } s && s >= published)
        {
            query.Fail("start", $"start {s} is beyond the log's {published} published leaves");
        }

        if (count is < 1 or > LedgerStore.MaxLeavesPerRead)
        {
            query.Fail("count", $"must be 1 to {LedgerStore.MaxLeavesPerRead}");
        }

        if (!query.IsValid)
        {
            return Problems.Validation(query.Errors);
        }

        var take = (int)Math.Min(count!.Value, published - start!.Value);
        var leaves = await store.GetLeavesAsync(tenant, start.Value, take, cancellationToken);
        return TypedResults.Ok(new LeavesView(start.Value, published, leaves.Select(l => new LeafView(l.Index, l.EventId, Convert.ToBase64String(l.Leaf), Hex(l.LeafHash))).ToList()));
    }

    /// <summary>A tree size parameter: defaults to the published size, must be 1 … published.</summary>
    private static long? RequireSize(LedgerQuery query, string name, long published)
    {
        var size = query.Long(name, published);
        if (size is null)
        {
            return null;
        }

        if (size == 0)
        {
            query.Fail(name, published == 0 ? "the log has no published checkpoint yet" : $"{name} must be at least 1");
            return null;
        }

        if (size > published)
        {
            query.Fail(name, $"{name} {size} is beyond the log's {published} published leaves");
            return null;
        }

        return size;
    }

    private static IResult NoCheckpoint() =>
        Problems.Status(StatusCodes.Status404NotFound, "No checkpoint yet", "The ledger has published no checkpoint yet; steps appear within seconds of being recorded.");

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
