using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Cases.Steps;
using TakedownFn.Domain.Dsa;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Storage.Cases;

namespace TakedownFn.StatementsOfReasons;

/// <summary>What the export answers: the statements in batches for the database's batch endpoint, and the cases that cannot form one.</summary>
internal sealed record StatementExportView(
    DateTimeOffset From, DateTimeOffset To, int Statements, IReadOnlyList<StatementBatch> Batches, IReadOnlyList<NotExported> NotExported);

/// <summary>One body for <c>POST /api/v1/statements</c> (1–100 statements).</summary>
internal sealed record StatementBatch(IReadOnlyList<StatementOfReasons> Statements);

/// <summary>A case that restricted content under the DSA but cannot form a valid statement, and why (database field names).</summary>
internal sealed record NotExported(string CaseId, IReadOnlyDictionary<string, string[]> Reasons);

/// <summary>
/// Reads the tenant's DSA cases and forms a statement of reasons for each whose first restriction
/// was recorded (server time) in the period. Cases accepted from <c>to</c> on cannot have one, so
/// the scan stops there.
/// </summary>
internal sealed class StatementExport(CaseStore cases)
{
    private const int PageSize = 200;

    public async Task<StatementExportView> ExportAsync(string tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var formed = new List<(DateTimeOffset At, StatementOfReasons Statement)>();
        var notExported = new List<NotExported>();
        string? continuation = null;
        do
        {
            var page = await cases.ListAsync(tenant, new CaseQuery(Regime: Regimes.EuDsa16, To: to), PageSize, continuation, cancellationToken);
            foreach (var record in page.Values.Where(MayHaveActed))
            {
                var events = await cases.GetEventsAsync(tenant, record.CaseId, cancellationToken);
                var restrictions = events.Where(IsRestriction).ToList();
                if (restrictions.Count == 0 || restrictions[0].RecordedAt < from || restrictions[0].RecordedAt >= to)
                {
                    continue;
                }

                var (statement, problems) = Statements.Form(new StatementCase(
                    record.CaseId, record.Regime, record.Category, await NotifierRoleAsync(tenant, record.CaseId, cancellationToken),
                    restrictions.Select(Restriction).ToList(), LatestStatement(events)));
                if (problems.Count > 0)
                {
                    notExported.Add(new NotExported(record.CaseId, problems.ToErrorDictionary()));
                }
                else
                {
                    formed.Add((restrictions[0].RecordedAt, statement));
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        var ordered = formed.OrderBy(f => f.At).ThenBy(f => f.Statement.Puid, StringComparer.Ordinal).Select(f => f.Statement).ToList();
        return new StatementExportView(from, to, ordered.Count, Statements.Batches(ordered).Select(b => new StatementBatch(b)).ToList(), notExported);
    }

    /// <summary>A case still waiting for its notice to be judged has taken no decision.</summary>
    private static bool MayHaveActed(CaseRecord record) =>
        record.State != CaseState.Received.ToId() && record.State != CaseState.ProcessingFailed.ToId();

    private static bool IsRestriction(CaseEventRecord e) =>
        WireIds.TryParse(e.Kind, out StepKind kind) && Statements.RestrictionKinds.Contains(kind);

    private static StatementRestriction Restriction(CaseEventRecord e)
    {
        WireIds.TryParse(e.Kind, out StepKind kind);
        var step = JsonSerializer.Deserialize<StepSubmission>(e.Details);
        return new StatementRestriction(kind, e.OccurredAt ?? e.RecordedAt, step?.Regions?.OfType<string>().ToList() ?? [], step?.SuspendedUntil);
    }

    /// <summary>The statement fields of the latest <c>statement-of-reasons-sent</c> step: a platform that sends a new statement records it again.</summary>
    private static StatementFields? LatestStatement(IReadOnlyList<CaseEventRecord> events) =>
        events.LastOrDefault(e => e.Kind == StepKind.StatementOfReasonsSent.ToId()) is { } sent
            ? JsonSerializer.Deserialize<StepSubmission>(sent.Details)?.Statement
            : null;

    /// <summary>Only the notifier's role is read from the stored notice; nothing personal leaves this method.</summary>
    private async Task<NotifierRole?> NotifierRoleAsync(string tenant, string caseId, CancellationToken cancellationToken)
    {
        var stored = await cases.GetAsync(tenant, caseId, withNotice: true, cancellationToken);
        if (stored?.Notice is not { } notice)
        {
            return null;
        }

        var (submission, errors) = JsonBody.Deserialize<NoticeSubmission>(notice);
        return errors.Count == 0 && WireIds.TryParse(submission?.Notifier?.Role, out NotifierRole role) ? role : null;
    }
}
