using TakedownFn.Storage.Cases;

namespace TakedownFn.Storage.Ledger;

/// <summary>An event waiting in the tenant's to-do rows (<c>l|{eventId}</c>) to become a leaf.</summary>
/// <param name="Event">The event as recorded with the case.</param>
/// <param name="PolicyId">The case's policy when the event was recorded (null before triage).</param>
/// <param name="Facts">The case's facts once the event was recorded (<see cref="TakedownFn.Ledger.Leaves.LeafFacts"/> as JSON); null on rows queued before they were kept.</param>
public sealed record PendingLeaf(CaseEventRecord Event, string? PolicyId, string? Facts = null)
{
    /// <summary>
    /// The sequencing order: server time, then case, then the case's own step order, so that the
    /// same set of pending events always gets the same indexes and a case's steps keep their order.
    /// </summary>
    public static IComparer<PendingLeaf> Order { get; } = Comparer<PendingLeaf>.Create((a, b) =>
    {
        int byTime = a.Event.RecordedAt.UtcTicks.CompareTo(b.Event.RecordedAt.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        int byCase = string.CompareOrdinal(a.Event.CaseId, b.Event.CaseId);
        return byCase != 0 ? byCase : a.Event.Sequence.CompareTo(b.Event.Sequence);
    });
}
