namespace TakedownFn.Ledger.Statements;

/// <summary>
/// Retention honoured: the cases (of the regime, whenever received) whose personal-data retention —
/// the end of their <c>preservation</c> stage, as their last leaf binds it — ended in the period, and
/// what became of their personal data, from leaf kinds and server times alone (PIPL Art. 47).
/// </summary>
/// <param name="Ended">Cases whose retention ended in the period.</param>
/// <param name="ErasedOnTime">Erased (a <c>personal-data-erased</c> leaf) no later than <see cref="Grace"/> after it ended.</param>
/// <param name="ErasedLate">Erased later than that.</param>
/// <param name="DeferredByHold">Not erased on time, with an <c>erasure-refused</c> leaf (a legal hold) recorded once retention had ended.</param>
/// <param name="NotErased">Neither erased nor held: overdue.</param>
public sealed record RetentionFigures(int Ended, int ErasedOnTime, int ErasedLate, int DeferredByHold, int NotErased)
{
    /// <summary>How long after retention ends an erasure still counts as on time: the sweep runs every 30 minutes; a day allows for an outage.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <summary>Classifies each case by its retention end, first erasure and refusals.</summary>
    internal static RetentionFigures Of(IEnumerable<(DateTimeOffset RetentionEndsAt, DateTimeOffset? ErasedAt, IReadOnlyList<DateTimeOffset> RefusedAt)> ended)
    {
        var (count, onTime, late, held, open) = (0, 0, 0, 0, 0);
        foreach (var (endsAt, erasedAt, refusedAt) in ended)
        {
            count++;
            if (erasedAt is { } at && at <= endsAt + Grace)
            {
                onTime++;
            }
            else if (refusedAt.Any(r => r >= endsAt))
            {
                held++;
            }
            else if (erasedAt is not null)
            {
                late++;
            }
            else
            {
                open++;
            }
        }

        return new RetentionFigures(count, onTime, late, held, open);
    }
}
