using TakedownFn.Domain.Retention;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Erasure;

/// <summary>What an erasure came to.</summary>
internal abstract record ErasureOutcome
{
    private ErasureOutcome()
    {
    }

    /// <summary>The tenant has no such case.</summary>
    public sealed record NotFound : ErasureOutcome;

    /// <summary>The case is still being judged (its notice is read once more); retry in a few seconds.</summary>
    public sealed record NotYetProcessed : ErasureOutcome;

    /// <summary>A legal hold is on: nothing erased; <paramref name="RefusalStepId"/> records the refusal (once per hold).</summary>
    public sealed record Held(LegalHold Hold, string RefusalStepId) : ErasureOutcome;

    /// <summary>The case's personal data is erased (now, or by an earlier request: the same answer).</summary>
    public sealed record Erased(CaseErasure Erasure) : ErasureOutcome;

    /// <summary>The case changed on every try.</summary>
    public sealed record Busy : ErasureOutcome;
}
