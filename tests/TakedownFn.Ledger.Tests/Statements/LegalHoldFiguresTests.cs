using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Statements;

namespace TakedownFn.Ledger.Tests.Statements;

/// <summary>"Legal holds in force" counts the holds standing at the period's end: a later evidence-preserved leaf without the hold releases it.</summary>
public class LegalHoldFiguresTests
{
    private static readonly DateTimeOffset From = new(2027, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2027, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Figures_HoldsInForceAtThePeriodEnd_LatestEvidencePreservedLeafDecides()
    {
        var calculator = new SafeHarbourCalculator(From, To, null);
        var day = From.AddDays(1);
        Case(calculator, "c-held", (day, true));
        Case(calculator, "c-released", (day, true), (day.AddHours(2), false));
        Case(calculator, "c-placed-after-the-end", (To.AddMinutes(1), true));
        Case(calculator, "c-released-after-the-end", (day, true), (To.AddMinutes(1), false));
        Case(calculator, "c-preserved-without-hold", (day, false));

        Assert.Equal(2, calculator.Figures().Preservation.CasesUnderLegalHold);
    }

    private static void Case(SafeHarbourCalculator calculator, string caseId, params (DateTimeOffset At, bool Hold)[] preserved)
    {
        var facts = new LeafFacts("us-dmca", "copyright", null, "valid", "actioned", [], []);
        calculator.Add(Leaf(caseId, "received", From, facts));
        foreach (var (at, hold) in preserved)
        {
            calculator.Add(new LedgerLeaf($"ev-{caseId}-preserved-{at:HHmm}", caseId, "evidence-preserved", at, "p1", new Dictionary<string, string>()) { DetailsDigest = new string('a', 64), Facts = facts with { LegalHold = hold } });
        }
    }

    private static LedgerLeaf Leaf(string caseId, string kind, DateTimeOffset at, LeafFacts facts) =>
        new($"ev-{caseId}-{kind}", caseId, kind, at, "p1", new Dictionary<string, string>()) { DetailsDigest = new string('a', 64), Facts = facts };
}
