using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain.Detection;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Storage.Cases;

/// <summary>Maps case and event records to table rows and back.</summary>
internal static class CaseEntityMapping
{
    /// <summary>A notice of up to 256 KiB spans several binary properties (<see cref="BinaryColumns"/>).</summary>
    private const string NoticeChunkPrefix = "Notice";

    /// <summary>The case columns without the notice chunks, for reads that do not need the notice.</summary>
    public static readonly string[] CaseColumns =
    [
        "PartitionKey", "RowKey", "CaseId", "Regime", "Category", "State", "Validation", "MissingElements", "Severity", "SeverityReasons",
        "PlatformReference", "ReceivedAt", "AcceptedAt", "ClockStartedAt", "PolicyId", "Policy", "Deadlines", "SlaTimers", "OpenBreaches", "StepCount", "ItemCount", "PersonalData", "Erasure", "Channel",
    ];

    /// <summary>The case's wrapped data key (<see cref="CaseNoticeCipher"/>); absent on plain (legacy) and erased cases.</summary>
    public const string DataKeyProperty = "DataKey";
    private const string SealedChunkPrefix = "Sealed";

    /// <summary>
    /// The case row; with <paramref name="cipher"/> the notice is sealed under a new data key of the
    /// case (<c>DataKey</c>, <c>Sealed0…</c>), without it stored plain (<c>Notice0…</c>: legacy rows, the residue of an erased case).
    /// </summary>
    public static TableEntity ToEntity(CaseRecord record, ReadOnlyMemory<byte>? notice = null, CaseNoticeCipher? cipher = null)
    {
        var entity = new TableEntity(record.TenantId, CaseKeys.Case(record.CaseId))
        {
            ["CaseId"] = record.CaseId,
            ["Regime"] = record.Regime,
            ["Category"] = record.Category,
            ["Channel"] = record.Channel,
            ["State"] = record.State,
            ["Validation"] = record.Validation,
            ["MissingElements"] = JsonSerializer.Serialize(record.MissingElements),
            ["Severity"] = record.Severity,
            ["SeverityReasons"] = JsonSerializer.Serialize(record.SeverityReasons),
            ["PlatformReference"] = record.PlatformReference,
            ["ReceivedAt"] = record.ReceivedAt,
            ["AcceptedAt"] = record.AcceptedAt,
            ["ClockStartedAt"] = record.ClockStartedAt,
            ["PolicyId"] = record.PolicyId,
            ["Policy"] = record.Policy is null ? null : JsonSerializer.Serialize(record.Policy, SlaJson.Options),
            ["Deadlines"] = JsonSerializer.Serialize(record.Deadlines),
            ["SlaTimers"] = JsonSerializer.Serialize(record.SlaTimers, SlaJson.Options),
            ["OpenBreaches"] = JsonSerializer.Serialize(record.OpenBreaches, SlaJson.Options),
            ["StepCount"] = record.StepCount,
            ["ItemCount"] = record.ItemCount,
            ["PersonalData"] = record.PersonalData is null ? null : JsonSerializer.Serialize(record.PersonalData),
            ["Erasure"] = record.Erasure is null ? null : JsonSerializer.Serialize(record.Erasure),
        };
        entity.ETag = record.ETag;
        if (notice is { } bytes)
        {
            if (cipher is null)
            {
                BinaryColumns.Write(entity, NoticeChunkPrefix, bytes.Span);
            }
            else
            {
                var (wrapped, sealedNotice) = cipher.Seal(record.TenantId, record.CaseId, bytes.Span);
                entity[DataKeyProperty] = wrapped;
                BinaryColumns.Write(entity, SealedChunkPrefix, sealedNotice);
            }
        }

        return entity;
    }

    /// <summary>Whether the row holds its notice sealed under a case data key.</summary>
    public static bool IsSealed(TableEntity entity) => entity.GetString(DataKeyProperty) is not null;

    /// <summary>Replaces a legacy row's plain notice by the sealed form (same row, same other properties).</summary>
    public static TableEntity Sealed(TableEntity legacy, CaseNoticeCipher cipher)
    {
        var notice = BinaryColumns.Read(legacy, NoticeChunkPrefix).ToArray();
        var sealedRow = new TableEntity(legacy.Where(p => !p.Key.StartsWith(NoticeChunkPrefix, StringComparison.Ordinal) && p.Key is not ("odata.etag" or "Timestamp")).ToDictionary())
        {
            ETag = legacy.ETag,
        };
        var (wrapped, sealedNotice) = cipher.Seal(legacy.PartitionKey, legacy.GetString("CaseId")!, notice);
        sealedRow[DataKeyProperty] = wrapped;
        BinaryColumns.Write(sealedRow, SealedChunkPrefix, sealedNotice);
        return sealedRow;
    }

    public static CaseRecord ToCase(TableEntity entity) => new()
    {
        TenantId = entity.PartitionKey,
        CaseId = entity.GetString("CaseId")!,
        Regime = entity.GetString("Regime")!,
        Category = entity.GetString("Category")!,
        Channel = entity.GetString("Channel"),
        State = entity.GetString("State")!,
        Validation = entity.GetString("Validation")!,
        MissingElements = JsonSerializer.Deserialize<string[]>(entity.GetString("MissingElements") ?? "[]")!,
        Severity = entity.GetString("Severity"),
        SeverityReasons = JsonSerializer.Deserialize<string[]>(entity.GetString("SeverityReasons") ?? "[]")!,
        PlatformReference = entity.GetString("PlatformReference")!,
        ReceivedAt = entity.GetDateTimeOffset("ReceivedAt")!.Value,
        AcceptedAt = entity.GetDateTimeOffset("AcceptedAt")!.Value,
        ClockStartedAt = entity.GetDateTimeOffset("ClockStartedAt"),
        PolicyId = entity.GetString("PolicyId"),
        Policy = entity.GetString("Policy") is { } policy ? JsonSerializer.Deserialize<ResolvedPolicy>(policy, SlaJson.Options) : null,
        Deadlines = JsonSerializer.Deserialize<DeadlineRecord[]>(entity.GetString("Deadlines") ?? "[]")!,
        SlaTimers = JsonSerializer.Deserialize<SlaTimer[]>(entity.GetString("SlaTimers") ?? "[]", SlaJson.Options)!,
        OpenBreaches = JsonSerializer.Deserialize<SlaStage[]>(entity.GetString("OpenBreaches") ?? "[]", SlaJson.Options)!,
        StepCount = entity.GetInt32("StepCount") ?? 0,
        ItemCount = entity.GetInt32("ItemCount") ?? 0,
        PersonalData = entity.GetString("PersonalData") is { } personal ? JsonSerializer.Deserialize<DetectionSummary>(personal) : null,
        Erasure = entity.GetString("Erasure") is { } erasure ? JsonSerializer.Deserialize<CaseErasure>(erasure) : null,
        ETag = entity.ETag,
    };

    /// <summary>
    /// The notice bytes as submitted, reassembled from their chunks and opened with the case's data
    /// key when sealed; for an erased case, the non-personal residue kept in its place.
    /// </summary>
    public static byte[] NoticeOf(TableEntity entity, CaseNoticeCipher? cipher)
    {
        if (entity.GetString(DataKeyProperty) is not { } wrapped)
        {
            return BinaryColumns.Read(entity, NoticeChunkPrefix).ToArray();
        }

        return cipher is null
            ? throw new InvalidOperationException("The case's notice is sealed under a data key, and this store has no key-encryption key to open it.")
            : cipher.Open(entity.PartitionKey, entity.GetString("CaseId")!, wrapped, BinaryColumns.Read(entity, SealedChunkPrefix).ToArray());
    }

    public static TableEntity ToEntity(string tenantId, CaseEventRecord record) => new(tenantId, CaseKeys.Event(record.CaseId, record.Sequence))
    {
        ["EventId"] = record.EventId,
        ["CaseId"] = record.CaseId,
        ["Sequence"] = record.Sequence,
        ["Kind"] = record.Kind,
        ["RecordedAt"] = record.RecordedAt,
        ["OccurredAt"] = record.OccurredAt,
        ["Details"] = record.Details,
        ["Actor"] = record.Actor,
        ["CorrectsStepId"] = record.CorrectsStepId,
    };

    /// <summary>
    /// The event's entry in the ledger's to-do list (<c>l|{eventId}</c>), written in the same
    /// transaction as the event so that no recorded step can miss the ledger. The sequencer turns
    /// it into a leaf and deletes it.
    /// </summary>
    public static TableEntity ToPendingLeaf(string tenantId, CaseEventRecord record, string? policyId, string? facts = null)
    {
        var entity = ToEntity(tenantId, record);
        entity.RowKey = CaseKeys.PendingLeaf(record.EventId);
        entity["PolicyId"] = policyId;
        entity["Facts"] = facts;
        return entity;
    }

    public static CaseEventRecord ToEvent(TableEntity entity) => new()
    {
        EventId = entity.GetString("EventId")!,
        CaseId = entity.GetString("CaseId")!,
        Sequence = entity.GetInt32("Sequence")!.Value,
        Kind = entity.GetString("Kind")!,
        RecordedAt = entity.GetDateTimeOffset("RecordedAt")!.Value,
        OccurredAt = entity.GetDateTimeOffset("OccurredAt"),
        Details = entity.GetString("Details") ?? "{}",
        Actor = entity.GetString("Actor")!,
        CorrectsStepId = entity.GetString("CorrectsStepId"),
    };
}
