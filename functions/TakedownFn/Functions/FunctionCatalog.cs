using TakedownFn.Erasure;
using TakedownFn.LedgerApi;
using TakedownFn.Processing;
using TakedownFn.Reports;
using TakedownFn.Signing;
using TakedownFn.Sla;
using TakedownFn.Storage;

namespace TakedownFn.Functions;

/// <summary>
/// Every function of the app, as the standalone host runs them: a pump per queue entry and a timer
/// per timer entry; HTTP entries name the routes it maps under <c>/api</c>. Under the Functions host
/// the function classes' attributes say the same (functions.metadata, generated at build), and a
/// test holds this list equal to that file. No route may start with <c>admin</c>: the Functions host
/// keeps those routes for itself.
/// </summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDefinition> For(StorageResources resources) =>
    [
        new("SubmitNotice", new HttpFunctionTrigger("notices", "POST")),
        new("SubmitNoticeBatch", new HttpFunctionTrigger("notices/batch", "POST")),
        new("ListCases", new HttpFunctionTrigger("cases", "GET")),
        new("GetCase", new HttpFunctionTrigger("cases/{id}", "GET")),
        new("RecordStep", new HttpFunctionTrigger("cases/{id}/steps", "POST")),
        new("CreateTenant", new HttpFunctionTrigger("tenants", "POST")),
        new("IssueKey", new HttpFunctionTrigger("tenants/{tenantId}/keys", "POST")),
        new("ListKeys", new HttpFunctionTrigger("tenants/{tenantId}/keys", "GET")),
        new("RevokeKey", new HttpFunctionTrigger("tenants/{tenantId}/keys/{keyId}", "DELETE")),
        new("SetRequestSigning", new HttpFunctionTrigger("tenants/{tenantId}/request-signing", "PUT")),
        new("SetSlaOverride", new HttpFunctionTrigger("tenants/{tenantId}/sla-override", "PUT")),
        new("SetEscalationWebhook", new HttpFunctionTrigger("tenants/{tenantId}/escalation-webhook", "PUT")),
        new("GetAtRisk", new HttpFunctionTrigger("sla/at-risk", "GET")),
        new("Health", new HttpFunctionTrigger("health", "GET")),
        new("GetLedgerCheckpoint", new HttpFunctionTrigger("ledger/checkpoint", "GET")),
        new("GetLedgerKeys", new HttpFunctionTrigger("ledger/keys", "GET")),
        new("GetLedgerInclusionProof", new HttpFunctionTrigger("ledger/proofs/inclusion", "GET")),
        new("GetLedgerConsistencyProof", new HttpFunctionTrigger("ledger/proofs/consistency", "GET")),
        new("GetLedgerLeaves", new HttpFunctionTrigger("ledger/leaves", "GET")),
        new("ExportLedger", new HttpFunctionTrigger("ledger/export", "GET")),
        new("ExportStatementsOfReasons", new HttpFunctionTrigger("reports/statements-of-reasons", "GET")),
        new("GetSlaReport", new HttpFunctionTrigger("reports/sla", "GET")),
        new("CloseReportPeriod", new HttpFunctionTrigger("reports/periods", "POST")),
        new("GetReportPeriod", new HttpFunctionTrigger("reports/periods/{id}", "GET")),
        new("GetReportPeriodDifferences", new HttpFunctionTrigger("reports/periods/{id}/differences", "GET")),
        new("GetCaseEvidence", new HttpFunctionTrigger("cases/{id}/evidence", "GET")),
        new("GetSafeHarbourStatement", new HttpFunctionTrigger("reports/safe-harbour", "GET")),
        new("ListIncidents", new HttpFunctionTrigger("incidents", "GET")),
        new("GetIncident", new HttpFunctionTrigger("incidents/{id}", "GET")),
        new("ListRepeatDisclosers", new HttpFunctionTrigger("repeat-disclosers", "GET")),
        new("GetDsaTransparencyReport", new HttpFunctionTrigger("reports/dsa-transparency", "GET")),
        new("GetOpenApiDocument", new HttpFunctionTrigger("openapi.json", "GET")),
        new("EraseCase", new HttpFunctionTrigger("cases/{id}/erasure", "POST")),
        new("Dashboard", new HttpFunctionTrigger("dashboard/{*path}", "GET")),
        new("GetMe", new HttpFunctionTrigger("me", "GET")),
        new("GetApiDocs", new HttpFunctionTrigger("docs/{*path}", "GET")),
        new("ProcessIntake", new QueueFunctionTrigger(resources.IntakeQueue), typeof(IntakeProcessor)),
        new("RecordProcessingFailure", new QueueFunctionTrigger(resources.IntakePoisonQueue), typeof(IntakePoisonHandler)),
        new("SweepIntake", new TimerFunctionTrigger(TimeSpan.FromMinutes(1)), typeof(IntakeSweep)),
        new("FireSlaTimer", new QueueFunctionTrigger(resources.TimersQueue), typeof(SlaTimerHandler)),
        new("DeliverEscalation", new QueueFunctionTrigger(resources.EscalationsQueue), typeof(EscalationHandler)),
        new("SweepSla", new TimerFunctionTrigger(SlaSweep.Period), typeof(SlaSweep)),
        new("SweepSignatures", new TimerFunctionTrigger(SignatureSweep.Period), typeof(SignatureSweep)),
        new("SequenceLedger", new TimerFunctionTrigger(TimeSpan.FromSeconds(2)), typeof(LedgerSequencing)),
        new("FoldReports", new TimerFunctionTrigger(TimeSpan.FromSeconds(2)), typeof(ReportFolding)),
        new("SweepRetention", new TimerFunctionTrigger(RetentionSweep.Period), typeof(RetentionSweep)),
    ];
}
