using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Reports;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Reports;

/// <summary>
/// Keeps the report rollups in step with the cases: every case change leaves a to-do row
/// (<c>u|{caseId}</c>, same transaction); the fold reads the case, computes its contribution and
/// folds the difference from its last one (<see cref="ReportStore.FoldAsync"/>), then deletes the
/// to-do row if it did not change meanwhile. Runs on a timer (every 2 s) and before a report is
/// answered, so a report sees every change recorded before it was asked.
/// </summary>
internal sealed partial class ReportFolding(TenantStore tenants, CaseStore cases, ReportStore reports, CalendarCatalog calendars, ILogger<ReportFolding> logger) : ITimerHandler
{
    private const int TodosPerRead = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await tenants.ListTenantsAsync(cancellationToken))
        {
            try
            {
                await EnsureFoldedAsync(tenant.TenantId, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One tenant's failure must not hold up the others; its to-do rows stay for the next tick.
                LogTenantFailed(logger, e, tenant.TenantId);
            }
        }
    }

    /// <summary>
    /// Folds every pending change of the tenant; returns how many cases this call folded. A fold that
    /// loses a race with another instance reads the to-do rows again (the winner deleted what it
    /// folded), so when this returns every change recorded before the call is in the rollups.
    /// </summary>
    public async Task<int> FoldTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        // Read before the first to-do read: when the loop finds none left, every change up to this marker is folded.
        var marker = await cases.ReportChangesAsync(tenantId, cancellationToken);
        var total = 0;
        for (int round = 0, idle = 0; round < MaxRounds && idle < MaxIdleRounds; round++)
        {
            var todos = await cases.ReportTodosAsync(tenantId, TodosPerRead, cancellationToken);
            if (todos.Count == 0)
            {
                if (marker is not null)
                {
                    await reports.SetFoldedThroughAsync(tenantId, marker, cancellationToken);
                }

                break;
            }

            // The round's cases, steps and fact rows are read in bulk (a range query, concurrent point reads).
            var ids = todos.Select(t => t.CaseId).ToList();
            var facts = reports.GetFactsAsync(tenantId, ids, cancellationToken);
            var stored = await cases.GetManyWithStepsAsync(tenantId, ids, cancellationToken);
            var old = await facts;
            var changes = stored.Select(s => new FoldChange(old.GetValueOrDefault(s.Case.CaseId), ReportContributions.From(s, calendars))).ToList();

            var folded = (await reports.FoldAsync(tenantId, changes, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var gone = todos.Where(t => changes.All(c => c.New.CaseId != t.CaseId));
            await cases.CompleteReportTodosAsync(tenantId, todos.Where(t => folded.Contains(t.CaseId)).Concat(gone), cancellationToken);
            total += folded.Count;
            idle = folded.Count == 0 ? idle + 1 : 0;
        }

        return total;
    }

    /// <summary>
    /// What a report calls first: reads the cases' change marker and the fold's <c>w|fold</c> row (two
    /// concurrent point reads). When the marker still equals the one the last complete fold started
    /// from, nothing changed since: the to-do range (a scan on Azurite) is not read, and the answer is
    /// the stamp a cached report may be served or stored under (<see cref="ReportCache"/>). Otherwise
    /// folds as <see cref="FoldTenantAsync"/> does and answers null: the report is built from storage.
    /// </summary>
    public async Task<ReportStamp?> EnsureFoldedAsync(string tenantId, CancellationToken cancellationToken)
    {
        var changes = cases.ReportChangesAsync(tenantId, cancellationToken);
        var folded = await reports.FoldedThroughAsync(tenantId, cancellationToken);
        if (await changes is { } marker && folded is { } state && marker == state.Changes)
        {
            return new ReportStamp(marker, state.ETag);
        }

        await FoldTenantAsync(tenantId, cancellationToken);
        return null;
    }

    /// <summary>Rounds of <see cref="TodosPerRead"/> one call folds at most (a backlog beyond is left to the timer).</summary>
    private const int MaxRounds = 10_000;

    /// <summary>Rounds in a row that folded nothing (every group lost a race, or a row keeps failing) before giving up until the next tick.</summary>
    private const int MaxIdleRounds = 5;

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Report fold of tenant {TenantId} failed; retried on the next tick")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string tenantId);
}
