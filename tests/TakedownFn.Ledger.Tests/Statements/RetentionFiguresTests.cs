using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Statements;

namespace TakedownFn.Ledger.Tests.Statements;

/// <summary>The statement's "retention honoured" figure from hand-made leaves: by retention end, not receipt.</summary>
public class RetentionFiguresTests
{
    private static readonly DateTimeOffset From = new(2027, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2027, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Figures_RetentionEndedInThePeriod_CountsOnTimeLateHeldAndOverdueWhateverTheReceipt()
    {
        var calculator = new SafeHarbourCalculator(From, To, null);
        var end = From.AddDays(1);
        Case(calculator, "c-on-time", end, ("personal-data-erased", end.AddMinutes(30)));
        Case(calculator, "c-by-request", end, ("personal-data-erased", end.AddDays(-100)));
        Case(calculator, "c-late", end, ("personal-data-erased", end + RetentionFigures.Grace + TimeSpan.FromSeconds(1)));
        Case(calculator, "c-held", end, ("erasure-refused", end.AddMinutes(30)));
        Case(calculator, "c-refused-before", end, ("erasure-refused", end.AddDays(-1)));
        Case(calculator, "c-next-period", To);

        var figures = calculator.Figures();

        Assert.Equal(new RetentionFigures(Ended: 5, ErasedOnTime: 2, ErasedLate: 1, DeferredByHold: 1, NotErased: 1), figures.Retention);
        Assert.Equal(0, figures.Cases); // received a year before: not among the period's cases
    }

    private static void Case(SafeHarbourCalculator calculator, string caseId, DateTimeOffset retentionEnd, params (string Kind, DateTimeOffset At)[] steps)
    {
        var facts = new LeafFacts("us-dmca", "copyright", null, "valid", "actioned", [new LeafStage("preservation", retentionEnd, "met", retentionEnd.AddDays(-360))], []);
        calculator.Add(Leaf(caseId, "received", retentionEnd.AddDays(-365), facts));
        foreach (var (kind, at) in steps)
        {
            calculator.Add(Leaf(caseId, kind, at, facts));
        }
    }

    private static LedgerLeaf Leaf(string caseId, string kind, DateTimeOffset at, LeafFacts facts) =>
        new($"ev-{caseId}-{kind}", caseId, kind, at, "p1", new Dictionary<string, string>()) { DetailsDigest = new string('a', 64), Facts = facts };
}
