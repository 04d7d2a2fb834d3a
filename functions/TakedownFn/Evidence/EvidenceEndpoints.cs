using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Auth;
using TakedownFn.Domain.Evidence;
using TakedownFn.Domain.Sla;
using TakedownFn.Http;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Evidence;

/// <summary>
/// <c>GET /api/cases/{id}/evidence</c>: the case's signed evidence bundle as JSON, or with
/// <c>?format=pdf</c> the same bundle as a PDF. Every step is proven against the latest signed
/// checkpoint; a case with a step not yet in it answers 409 with Retry-After.
/// </summary>
internal static class EvidenceEndpoints
{
    /// <summary>What a bundle's signature note names as its subject.</summary>
    public static string Subject(string caseId) => "evidence-bundle " + caseId;

    public static void MapEvidence(this WebApplication app) =>
        app.MapGet("/api/cases/{id}/evidence", GetAsync).RequireAuthorization(Policies.ReadLedger);

    internal static async Task<IResult> GetAsync(
        string id, HttpContext context, EvidenceSources sources, CancellationToken cancellationToken)
    {
        var format = context.Request.Query["format"].ToString();
        if (format is not ("" or "json" or "pdf"))
        {
            return Problems.Validation([new Domain.Validation.ValidationError("format", "must be json or pdf")]);
        }

        var disclose = context.Request.Query["disclose"].ToString();
        if (disclose is not ("" or "personal"))
        {
            return Problems.Validation([new Domain.Validation.ValidationError("disclose", "must be personal")]);
        }

        var caller = Caller.From(context.User);
        if (disclose.Length > 0 && caller.Role != Role.Officer)
        {
            // Auditors check the record; the personal fields are for the officers handling the case.
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only a compliance officer may have personal fields disclosed.");
        }

        var tenant = caller.Tenant;
        var timings = new ServerTimings();
        var (bundle, problem) = await sources.BuildAsync(tenant, id, disclose.Length > 0, cancellationToken, timings);
        if (problem is not null)
        {
            return problem;
        }

        if (bundle!.Disclosure is { Status: BundleDisclosures.Disclosed })
        {
            await sources.Erasures.RecordDisclosureAsync(tenant, id, caller.KeyId, cancellationToken);
        }

        var signed = Sign(bundle!, sources.Keys, tenant);
        timings.Mark("sign");
        IResult result = format == "pdf"
            ? TypedResults.File(EvidencePdf.Render(bundle!, signed, sources.Calendars), "application/pdf", $"evidence-{id}.pdf")
            : TypedResults.Text(signed.ToJsonString(), "application/json");
        timings.Mark(format == "pdf" ? "render" : "serialize");
        context.Response.Headers["Server-Timing"] = timings.ToString();
        return result;
    }

    /// <summary>The bundle as the JSON object it is served as, with its signature member set.</summary>
    internal static JsonObject Sign(EvidenceBundle bundle, LedgerSigningKeys keys, string tenant)
    {
        var document = JsonSerializer.SerializeToNode(bundle with { Signature = null }, EvidenceJson.Options)!.AsObject();
        using var signer = keys.CreateSigner(tenant);
        document[SignedJson.SignatureMember] = SignedJson.Sign(signer, document, Subject(bundle.Case.CaseId));
        return document;
    }
}

/// <summary>Reads what a bundle needs from storage: the case, its steps, their leaves and proofs, the checkpoint and keys.</summary>
internal sealed class EvidenceSources(
    CaseStore cases, LedgerStore ledger, TenantStore tenants, LedgerSigningKeys keys, CalendarCatalog calendars, SlaOptions sla, TimeProvider time, Erasure.CaseErasures erasures)
{
    public Erasure.CaseErasures Erasures => erasures;

    // A 50-step case reads its steps' leaves in one wave (a point read each).
    private const int ParallelReads = 64;

    public LedgerSigningKeys Keys => keys;

    public CalendarCatalog Calendars => calendars;

    public async Task<(EvidenceBundle? Bundle, IResult? Problem)> BuildAsync(string tenant, string caseId, bool disclose, CancellationToken cancellationToken, ServerTimings? timings = null)
    {
        // The case, its steps, the log's state and the tenant's secret are independent: one round trip.
        var caseRead = cases.GetAsync(tenant, caseId, withNotice: disclose, cancellationToken);
        var eventsRead = cases.GetEventsAsync(tenant, caseId, cancellationToken);
        var stateRead = ledger.GetStateAsync(tenant, cancellationToken);
        var secretRead = tenants.GetOrCreateCommitmentSecretAsync(tenant, cancellationToken);
        await Task.WhenAll(caseRead, eventsRead, stateRead, secretRead);
        var stored = await caseRead;
        if (stored is null)
        {
            return (null, Problems.NotFound("case"));
        }

        var events = await eventsRead;
        var state = await stateRead;
        timings?.Mark("case");
        var size = state.CheckpointSize;
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, StoredLeaf>(StringComparer.Ordinal);
        var missing = 0;
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (e, ct) =>
        {
            if (size == 0 || await ledger.FindLeafAsync(tenant, e.EventId, size, ct) is not { } leaf)
            {
                Interlocked.Increment(ref missing);
                return;
            }

            found[e.EventId] = leaf;
        });
        if (missing > 0)
        {
            return (null, Problems.Status(
                StatusCodes.Status409Conflict,
                "Not yet in the log",
                $"{missing} of the case's {events.Count} steps are not yet under a signed checkpoint; they are within seconds.",
                new Dictionary<string, object?> { ["retryAfterSeconds"] = 5 }));
        }

        // All the audit paths in one read of the tiles they share.
        timings?.Mark("leaves");
        var read = found.Values.ToList();
        var proofs = await ledger.InclusionProofsAsync(tenant, [.. read.Select(l => l.Index)], size, cancellationToken);
        var leaves = read.Select((l, i) => (l.EventId, Proven: new ProvenLeaf(l.Index, l.Leaf, l.LeafHash, proofs[i])))
            .ToDictionary(p => p.EventId, p => p.Proven, StringComparer.Ordinal);

        timings?.Mark("proofs");
        var note = state.Checkpoint!;
        var checkpoint = Checkpoint.ParseNoteText(SignedNote.Parse(note).Text);
        var secret = await secretRead;
        var bundle = EvidenceBundleBuilder.Build(
            stored.Case, events, leaves, new BundleCheckpoint(note, checkpoint.TreeSize, Convert.ToHexStringLower(checkpoint.RootHash)),
            keys.Origin(tenant), keys.VerificationKeysPem, secret, time.GetUtcNow(), sla.WarningFraction, calendars);
        timings?.Mark("build");
        return (disclose ? bundle with { Disclosure = BundleDisclosures.Of(stored, bundle.Case.NoticeCommitment) } : bundle, null);
    }
}
