using TakedownFn.Cases;
using TakedownFn.Domain.Evidence;
using TakedownFn.Domain.Reports;
using TakedownFn.Health;
using TakedownFn.Incidents;
using TakedownFn.LedgerApi;
using TakedownFn.Notices;
using TakedownFn.Reports;
using TakedownFn.Signing;
using TakedownFn.Sla;
using TakedownFn.StatementsOfReasons;
using TakedownFn.Storage.Tenants;
using TakedownFn.Tenants;
using static TakedownFn.OpenApi.Answer;

namespace TakedownFn.OpenApi;

/// <summary>
/// What each endpoint answers besides the errors every endpoint of its kind gives
/// (<see cref="ProblemResponsesTransformer"/>): its successes with their body types, media types and
/// headers, and the problems only it gives. The handlers return <see cref="IResult"/> (both hosts
/// call them), which says nothing about the body; so the types are named here, by method and
/// route, and the schemas are generated from them. An endpoint missing here is documented without
/// a body, which <c>OpenApiDocumentTests</c> refuses.
/// </summary>
internal static class ResponseBodies
{
    private const string Csv = "text/csv";
    private const string Pdf = "application/pdf";

    private static readonly Dictionary<string, Answer[]> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST api/notices"] =
        [
            Json<NoticeEndpoints.AcceptedNotice>(202, "Accepted: the case is created and queued for validation and triage.", Headers.Location, Headers.Replayed),
            Problem<IdentifierReusedProblem>(422, "The platform reference or Idempotency-Key was used before for a different notice."),
        ],
        ["POST api/notices/batch"] =
        [
            Json<NoticeEndpoints.BatchAnswer>(200, "One result per notice, in order: 202 with the case, 400 with its errors, or 422 for a reused reference.", Headers.Replayed),
            Problem<IdentifierReusedProblem>(422, "The Idempotency-Key was used before for a different batch."),
        ],
        ["GET api/cases"] = [Json<CaseEndpoints.CasePage>(200, "A page of the tenant's cases in acceptance order; `continuation` reads the next.")],
        ["GET api/cases/{id}"] = [Json<CaseView>(200, "The case: its state, validation, deadlines, allowed steps and timeline.")],
        ["POST api/cases/{id}/steps"] =
        [
            Json<CaseEndpoints.RecordedStep>(201, "The step is recorded.", Headers.Location),
            Json<CaseEndpoints.RecordedStep>(200, "A retry with the same Idempotency-Key: the step recorded first, nothing recorded again.", Headers.Replayed),
            Problem<StepNotAllowedProblem>(409, "The step cannot follow the case's current state (or its notice's validation)."),
            Problem<IdentifierReusedProblem>(422, "The Idempotency-Key was used before for a different step."),
            Problem(503, "The case changed on every try; retry the request."),
        ],
        ["GET api/cases/{id}/evidence"] =
        [
            new(200, "The signed evidence bundle; `format=pdf` renders the same bundle as a PDF.", [new(System.Net.Mime.MediaTypeNames.Application.Json, typeof(EvidenceBundle), EvidenceJson.Options), Binary(Pdf)], [Headers.Disposition]),
            Problem<NotYetInLogProblem>(409, "Some of the case's steps are not yet under a signed checkpoint; retry after `retryAfterSeconds`."),
        ],
        ["POST api/cases/{id}/erasure"] =
        [
            Json<Erasure.ErasureAnswer>(200, "The case's personal data is erased (now, or by an earlier request: the same answer): which notice fields, and where they were held; never their values."),
            Problem<ErasureConflictProblem>(409, "A legal hold is on (`hold` names it; nothing was erased), or the case's notice is still being judged."),
            Problem(503, "The case changed on every try; retry the request."),
        ],
        ["GET api/me"] = [Json<Dashboard.MeView>(200, "The calling key's tenant, role and key id.")],
        ["GET api/sla/at-risk"] = [Json<AtRiskEndpoints.AtRiskView>(200, "Open stages breached or due within the window, and open surges.")],
        ["PUT api/tenants/{tenantId}/sla-override"] =
        [
            Json<SlaTenantEndpoints.OverrideAnswer>(200, "The override version is stored; new cases are judged under it."),
            Problem(409, "Another change to the override was saved first; read it and retry."),
        ],
        ["PUT api/tenants/{tenantId}/escalation-webhook"] = [Json<SlaTenantEndpoints.WebhookAnswer>(200, "The webhook is set; the signing secret is shown in this answer only.")],
        ["PUT api/tenants/{tenantId}/request-signing"] = [Json<RequestSigningEndpoints.SigningAnswer>(200, "The setting is stored; a new secret (when required) is shown in this answer only.")],
        ["POST api/tenants"] = [Json<TenantRecord>(201, "The tenant is created.", Headers.Location)],
        ["POST api/tenants/{tenantId}/keys"] = [Json<IssuedKey>(201, "The key is issued; `key` is shown in this answer only.", Headers.Location)],
        ["GET api/tenants/{tenantId}/keys"] = [Json<TenantEndpoints.TenantKeys>(200, "The tenant's keys: ids, roles and times, never a secret.")],
        ["DELETE api/tenants/{tenantId}/keys/{keyId}"] = [Json<Tenants.KeyView>(200, "The key is revoked (a repeat answers the first revocation).")],
        ["GET api/health"] =
        [
            Json<HealthReport>(200, "Every queue, table and container is reachable."),
            Json<HealthReport>(503, "Something is missing or unreachable; the entries say what."),
        ],
        ["GET api/incidents"] = [Json<IncidentEndpoints.IncidentPage>(200, "A page of the tenant's incidents, oldest first.")],
        ["GET api/incidents/{id}"] = [Json<IncidentView>(200, "The incident.")],
        ["GET api/repeat-disclosers"] = [Json<IncidentEndpoints.DiscloserList>(200, "Flagged uploader accounts (commitments) with their cases.")],
        ["GET api/ledger/checkpoint"] =
        [
            Json<CheckpointView>(200, "The latest signed checkpoint (C2SP signed note)."),
            Problem(404, "The ledger has published no checkpoint yet."),
        ],
        ["GET api/ledger/keys"] = [Json<KeysView>(200, "The keys that verify the tenant's checkpoints and statements.")],
        ["GET api/ledger/proofs/inclusion"] =
        [
            Json<InclusionView>(200, "The leaf and its RFC 9162 inclusion proof in the tree of the given size."),
            Problem(404, "No event with that id among the log's first `size` leaves."),
        ],
        ["GET api/ledger/proofs/consistency"] = [Json<ConsistencyView>(200, "The RFC 9162 consistency proof between two tree sizes.")],
        ["GET api/ledger/leaves"] = [Json<LeavesView>(200, "Published leaves from `start`, base64, with their hashes.")],
        ["GET api/ledger/export"] =
        [
            new(200, "The whole log up to the latest checkpoint, one JSON object a line (what the offline verifier replays).", [Text("application/x-ndjson")], [Headers.Disposition]),
            Problem(404, "The ledger has published no checkpoint yet."),
        ],
        ["GET api/reports/sla"] = [new(200, "The SLA report; `Accept: text/csv` for CSV.", [Body.Of<SlaReport>(), Text(Csv)], [])],
        ["GET api/reports/dsa-transparency"] = [new(200, "The Art. 16 figures of the DSA transparency report; `Accept: text/csv` for one part as CSV.", [Body.Of<DsaTransparencyEndpoints.DsaTransparencyAnswer>(), Text(Csv)], [])],
        ["GET api/reports/statements-of-reasons"] = [Json<StatementExportView>(200, "The period's statements of reasons in the EU Transparency Database's batches, and the cases that cannot form one.")],
        ["GET api/reports/safe-harbour"] =
        [
            new(200, "The signed period safe-harbour statement; `format=pdf` renders it as a PDF with the signed JSON attached.", [Body.Of<SignedStatementAnswer<SafeHarbourStatementBody>>(), Binary(Pdf)], [Headers.Disposition]),
            Problem(409, "The ledger has no signed checkpoint to bind the statement to yet."),
        ],
        ["POST api/reports/periods"] =
        [
            Json<SignedStatementAnswer<PeriodStatement>>(201, "The period is closed: its SLA report frozen, bound to the checkpoint and signed.", Headers.Location),
            Json<SignedStatementAnswer<PeriodStatement>>(200, "The period was closed before: the statement stored then, byte for byte.", Headers.Location),
            Problem(409, "The ledger has no signed checkpoint to bind the period to yet."),
        ],
        ["GET api/reports/periods/{id}"] = [Json<SignedStatementAnswer<PeriodStatement>>(200, "The closed period's signed statement, byte for byte as stored.")],
        ["GET api/reports/periods/{id}/differences"] = [Json<ReportPeriodEndpoints.PeriodDifferences>(200, "Each figure that differs now from its frozen value.")],
    };

    public static IReadOnlyList<Answer>? For(string? method, string? relativePath) =>
        Table.GetValueOrDefault($"{method} {relativePath?.TrimStart('/')}");
}
