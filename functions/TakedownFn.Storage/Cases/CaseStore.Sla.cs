using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Storage.Cases;

/// <summary>A recorded <c>sla-warning</c> or <c>sla-breached</c> event, as a benchmark or report reads it back.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="EventId">The event.</param>
/// <param name="Kind">The step kind id.</param>
/// <param name="Stage">The stage id.</param>
/// <param name="Deadline">The deadline it was recorded against.</param>
/// <param name="RecordedAt">When the service recorded it; minus <paramref name="Deadline"/>, the breach's detection delay.</param>
public sealed record SlaEventRecord(string CaseId, string EventId, string Kind, string Stage, DateTimeOffset Deadline, DateTimeOffset RecordedAt);

/// <summary>An open breach row: a stage whose breach was recorded and that is still not done.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Deadline">The deadline that passed.</param>
public sealed record OpenBreachRecord(string CaseId, SlaStage Stage, DateTimeOffset? Deadline);

public sealed partial class CaseStore
{
    /// <summary>
    /// Every SLA index row of the tenant due at or before <paramref name="now"/>: timers not yet
    /// handled and escalations not yet delivered. One range query on the tenant's partition; handled
    /// rows are deleted, so the range holds only what is still owed.
    /// </summary>
    public async Task<IReadOnlyList<SlaIndexEntry>> DueSlaEntriesAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {CaseKeys.TimersFrom} and RowKey lt {CaseKeys.TimersDueBy(now)}");
        return await EntriesAsync(filter, cancellationToken);
    }

    /// <summary>The tenant's warning and breach timers not yet handled that are due in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<SlaIndexEntry>> SlaTimersDueInAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {CaseKeys.TimersDueFrom(from)} and RowKey lt {CaseKeys.TimersDueFrom(to)} and Kind ne {"escalation"}");
        return await EntriesAsync(filter, cancellationToken);
    }

    /// <summary>Breach timers of the tenant due at or before <paramref name="until"/> (stages not done, breach not yet recorded).</summary>
    public async Task<IReadOnlyList<SlaIndexEntry>> BreachTimersDueByAsync(string tenantId, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {CaseKeys.TimersFrom} and RowKey lt {CaseKeys.TimersDueBy(until)} and Kind eq {"breach"}");
        return await EntriesAsync(filter, cancellationToken);
    }

    /// <summary>The tenant's open breaches.</summary>
    public async Task<IReadOnlyList<OpenBreachRecord>> OpenBreachesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.OpenBreachesFrom} and RowKey lt {CaseKeys.OpenBreachesTo}");
        var breaches = new List<OpenBreachRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (SlaWireIds.TryParse(entity.GetString("Stage"), out SlaStage stage))
            {
                breaches.Add(new OpenBreachRecord(entity.GetString("CaseId")!, stage, entity.GetDateTimeOffset("Deadline")));
            }
        }

        return breaches;
    }

    /// <summary>Deletes a delivered (or abandoned) escalation's outbox row; false when it was gone already.</summary>
    public async Task<bool> DeleteSlaEntryAsync(string tenantId, string rowKey, CancellationToken cancellationToken = default) =>
        // The SDK answers a delete of a missing row with its 404 response rather than throwing.
        (await table.DeleteEntityAsync(tenantId, rowKey, Azure.ETag.All, cancellationToken)).Status != 404;

    /// <summary>
    /// Moves an undelivered escalation's outbox row to a new retry time (delete and insert in one
    /// transaction); false when the row was gone (delivered meanwhile).
    /// </summary>
    public async Task<bool> RescheduleEscalationAsync(SlaIndexEntry entry, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        var moved = entry.Escalation! with { RetryAt = retryAt };
        try
        {
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Delete, new TableEntity(entry.TenantId, entry.RowKey), Azure.ETag.All),
                new(TableTransactionActionType.UpsertReplace, SlaIndexRows.Escalation(entry.TenantId, entry.CaseId, moved)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>The row key an escalation's outbox row has.</summary>
    public static string EscalationRowKey(string caseId, EscalationEntry escalation) => SlaIndexRows.EscalationKey(caseId, escalation);

    /// <summary>Every <c>sla-warning</c> and <c>sla-breached</c> event of the tenant (for reports and the SLA benchmark).</summary>
    public async Task<IReadOnlyList<SlaEventRecord>> SlaEventsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {"e|"} and RowKey lt {"e}"} and (Kind eq {"sla-warning"} or Kind eq {"sla-breached"})");
        var events = new List<SlaEventRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["CaseId", "EventId", "Kind", "RecordedAt", "Details"], cancellationToken: cancellationToken))
        {
            using var details = JsonDocument.Parse(entity.GetString("Details") ?? "{}");
            var root = details.RootElement;
            events.Add(new SlaEventRecord(
                entity.GetString("CaseId")!,
                entity.GetString("EventId")!,
                entity.GetString("Kind")!,
                root.TryGetProperty("stage", out var stage) ? stage.GetString() ?? string.Empty : string.Empty,
                root.TryGetProperty("deadline", out var deadline) ? deadline.GetDateTimeOffset() : default,
                entity.GetDateTimeOffset("RecordedAt")!.Value));
        }

        return events;
    }

    private async Task<IReadOnlyList<SlaIndexEntry>> EntriesAsync(string filter, CancellationToken cancellationToken)
    {
        var entries = new List<SlaIndexEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (SlaIndexRows.ToEntry(entity) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
