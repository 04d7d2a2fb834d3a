using Azure;
using Azure.Data.Tables;

namespace TakedownFn.Storage.Cases;

/// <summary>
/// Cases, their steps and their index rows in the tenant's partition of the cases table (see
/// <see cref="CaseKeys"/>). Every change is one entity group transaction, so a case and its
/// steps never disagree and a redelivered or concurrent write changes nothing twice.
/// </summary>
/// <remarks>With a <see cref="CaseNoticeCipher"/> (the app always passes one) each new case's notice is sealed under its own data key.</remarks>
public sealed partial class CaseStore(TableClient table, bool reportTodos = true, CaseNoticeCipher? cipher = null)
{
    private const int MaxOperationsPerTransaction = 100;

    /// <summary>Reads a case of the tenant, or null when the tenant has no case with that id.</summary>
    public async Task<StoredCase?> GetAsync(string tenantId, string caseId, bool withNotice, CancellationToken cancellationToken = default)
    {
        if (!CaseKeys.IsCaseId(caseId))
        {
            return null;
        }

        var entity = await table.GetEntityOrNullAsync(tenantId, CaseKeys.Case(caseId), withNotice ? null : CaseEntityMapping.CaseColumns, cancellationToken);
        return entity is null ? null : new StoredCase(CaseEntityMapping.ToCase(entity), withNotice ? CaseEntityMapping.NoticeOf(entity, cipher) : null);
    }

    /// <summary>The case's steps in the order they were recorded.</summary>
    public async Task<IReadOnlyList<CaseEventRecord>> GetEventsAsync(string tenantId, string caseId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.EventsFrom(caseId)} and RowKey lt {CaseKeys.EventsTo(caseId)}");
        var events = new List<CaseEventRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(CaseEntityMapping.ToEvent(entity));
        }

        return events;
    }

    /// <summary>
    /// Writes the updated case row (conditional on the ETag it was read with) and its new steps in
    /// one transaction. <paramref name="completeOutbox"/> ends the case's outbox entry (processing
    /// done), <paramref name="requeue"/> opens one (the case goes back to processing), a
    /// <paramref name="stepIdempotencyKey"/> claims that key for the first step (the one reported;
    /// any later ones are the service's own steps recorded with it), and
    /// <paramref name="sla"/> adds and removes the SLA index rows the change implies.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        CaseRecord updated,
        IReadOnlyList<CaseEventRecord> events,
        bool completeOutbox = false,
        bool requeue = false,
        string? stepIdempotencyKey = null,
        SlaIndexChange? sla = null,
        CancellationToken cancellationToken = default)
    {
        var tenant = updated.TenantId;
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.UpdateMerge, CaseEntityMapping.ToEntity(updated), updated.ETag),
            .. events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntityMapping.ToEntity(tenant, e))),
            .. events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntityMapping.ToPendingLeaf(tenant, e, updated.PolicyId, Ledger.LeafFactsOf.From(updated, e).ToJson().ToJsonString()))),
            .. (sla ?? SlaIndexChange.None).Actions(updated),
        ];
        if (reportTodos)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, ReportTodo(tenant, updated.CaseId)));
            actions.Add(ReportChangeMarker(tenant));
        }

        var stepKeyIndex = -1;
        if (stepIdempotencyKey is not null)
        {
            stepKeyIndex = actions.Count;
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(tenant, CaseKeys.StepKey(updated.CaseId, stepIdempotencyKey))
            {
                ["EventId"] = events[0].EventId,
            }));
        }

        if (requeue)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(tenant, CaseKeys.Outbox(updated.CaseId))
            {
                ["CaseId"] = updated.CaseId,
                ["AcceptedAt"] = events[^1].RecordedAt,
            }));
        }

        var outboxIndex = -1;
        if (completeOutbox)
        {
            outboxIndex = actions.Count;
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(tenant, CaseKeys.Outbox(updated.CaseId)), ETag.All));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return new AppendResult(AppendStatus.Appended);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == stepKeyIndex && stepKeyIndex >= 0)
        {
            var existing = await StepForKeyAsync(tenant, updated.CaseId, stepIdempotencyKey!, cancellationToken);
            return existing is null ? new AppendResult(AppendStatus.Conflict) : new AppendResult(AppendStatus.DuplicateStep, existing);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 || (e.Status == 404 && e.FailedTransactionActionIndex == outboxIndex && outboxIndex >= 0))
        {
            // 412: someone else changed the case. 409: a step row with this sequence exists (a
            // concurrent append won). 404 on the outbox row: it is gone, so the case was processed.
            return new AppendResult(AppendStatus.Conflict);
        }
    }

    /// <summary>The event id of the case's step recorded under <paramref name="idempotencyKey"/>, or null when no step was.</summary>
    public async Task<string?> StepForKeyAsync(string tenantId, string caseId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityOrNullAsync(tenantId, CaseKeys.StepKey(caseId, idempotencyKey), ["EventId"], cancellationToken);
        return row?.GetString("EventId");
    }

    /// <summary>Case ids the tenant accepted before <paramref name="acceptedBefore"/> that are not processed yet.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(string tenantId, DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {CaseKeys.OutboxFrom} and RowKey lt {CaseKeys.OutboxTo} and AcceptedAt lt {acceptedBefore}");
        var pending = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["CaseId"], cancellationToken: cancellationToken))
        {
            pending.Add(entity.GetString("CaseId")!);
        }

        return pending;
    }
}
