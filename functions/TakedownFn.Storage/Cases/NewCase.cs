namespace TakedownFn.Storage.Cases;

/// <summary>A notice to accept: its case row (state <c>received</c>), its <c>received</c> step and the bytes as submitted.</summary>
/// <param name="Case">The case row.</param>
/// <param name="Received">The first step, recorded in the same transaction.</param>
/// <param name="Notice">The notice JSON as the platform sent it.</param>
/// <param name="IdempotencyKey">The caller's <c>Idempotency-Key</c>, if any.</param>
/// <param name="RequestHash">A hash of the notice, to tell a replay from a key or platform reference reused for another notice.</param>
public sealed record NewCase(CaseRecord Case, CaseEventRecord Received, ReadOnlyMemory<byte> Notice, string? IdempotencyKey, string RequestHash);

/// <summary>What accepting a notice came to.</summary>
public enum AcceptStatus
{
    /// <summary>A new case was created.</summary>
    Accepted,

    /// <summary>The same platform reference or idempotency key was accepted before: this is that case.</summary>
    Existing,

    /// <summary>The idempotency key was used before for a different notice.</summary>
    KeyReused,

    /// <summary>The platform reference was used before for a different notice.</summary>
    ReferenceReused,
}

/// <summary>The answer for one notice: its status and the case it refers to.</summary>
public sealed record AcceptResult(AcceptStatus Status, string CaseId);

/// <summary>What appending steps to a case came to.</summary>
public enum AppendStatus
{
    Appended,

    /// <summary>The case changed since it was read: re-read, decide again, retry.</summary>
    Conflict,

    /// <summary>A step with the same idempotency key was recorded before.</summary>
    DuplicateStep,
}

/// <summary>The answer to an append: its status, and for a duplicate step the event id recorded first.</summary>
public sealed record AppendResult(AppendStatus Status, string? ExistingEventId = null);

/// <summary>A case row with, when asked for, the notice as submitted.</summary>
public sealed record StoredCase(CaseRecord Case, byte[]? Notice);
