using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Statements;

namespace TakedownFn.Ledger.Tests.Statements;

/// <summary>The statement's counting rules on hand-made leaves: period bounds, regime filter, version 1 leaves, the bound judgement.</summary>
public class SafeHarbourCalculatorTests
{
    private static readonly DateTimeOffset From = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> NoCommitments = [];

    [Fact]
    public void Figures_CaseReceivedAtTheEndInstant_CountsInTheNextPeriodOnly()
    {
        var calculator = new SafeHarbourCalculator(From, To, null);
        Received(calculator, "c-start", From);
        Received(calculator, "c-end", To);

        Assert.Equal(1, calculator.Figures().Cases);
    }

    [Fact]
    public void Figures_CompletedAtTheDeadlineInstant_IsMetAsTheLeafBindsIt()
    {
        var calculator = new SafeHarbourCalculator(From, To, null);
        var due = From.AddHours(24);
        Received(calculator, "c-1", From);
        calculator.Add(Leaf("c-1", "content-removed", due, Facts("us-dmca", "valid", new LeafStage("act", due, "met", due))));

        var act = calculator.Figures().TimelyHandling.Regimes.Single();
        Assert.Equal((1, 1, 0, 0), (act.Valid, act.ActMet, act.ActBreached, act.ActOpen));
        Assert.Empty(calculator.Figures().TimelyHandling.Breaches);
    }

    [Fact]
    public void Figures_BreachNeverCompleted_ListedWithoutMarginNamingTheBreachStep()
    {
        var calculator = new SafeHarbourCalculator(From, To, null);
        var due = From.AddHours(1);
        Received(calculator, "c-1", From);
        calculator.Add(Leaf("c-1", "sla-breached", due.AddSeconds(2), Facts("us-dmca", "valid", new LeafStage("act", due, "breached", null)), "ev-breach"));
        calculator.Add(Leaf("c-1", "notifier-informed", due.AddHours(1), Facts("us-dmca", "valid", new LeafStage("act", due, "breached", null)), "ev-later"));

        var breach = Assert.Single(calculator.Figures().TimelyHandling.Breaches);
        Assert.Equal(("not-completed", (long?)null, "ev-breach"), (breach.Reason, breach.MarginSeconds, breach.RecordedBy));
    }

    [Fact]
    public void Figures_RegimeFilterAndVersion1Cases_CountOnlyTheRegimeAndSetVersion1Apart()
    {
        var calculator = new SafeHarbourCalculator(From, To, "eu-dsa-16");
        Received(calculator, "c-dsa", From, Facts("eu-dsa-16", "valid"));
        Received(calculator, "c-dmca", From, Facts("us-dmca", "valid"));
        calculator.Add(new LedgerLeaf("ev-v1", "c-v1", "received", From, "p1", NoCommitments));

        var figures = calculator.Figures();

        Assert.Equal((1, 1), (figures.Cases, figures.CasesWithoutFacts));
        Assert.Equal("eu-dsa-16", Assert.Single(figures.ComplaintChannel.Regimes).Regime);
    }

    [Theory]
    [InlineData(new long[] { }, 50, null)]
    [InlineData(new long[] { 7 }, 90, 7L)]
    [InlineData(new long[] { 1, 2, 3, 4 }, 50, 2L)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9L)]
    public void Percentile_RankRule_IsTheSlaReports(long[] sorted, double p, long? expected) =>
        Assert.Equal(expected, SafeHarbourCalculator.Percentile(sorted, p));

    private static void Received(SafeHarbourCalculator calculator, string caseId, DateTimeOffset at, LeafFacts? facts = null) =>
        calculator.Add(Leaf(caseId, "received", at, facts ?? Facts("us-dmca", "pending")));

    private static LedgerLeaf Leaf(string caseId, string kind, DateTimeOffset at, LeafFacts facts, string? eventId = null) =>
        new LedgerLeaf(eventId ?? $"ev-{caseId}-{kind}", caseId, kind, at, "p1", NoCommitments) { DetailsDigest = new string('a', 64), Facts = facts };

    private static LeafFacts Facts(string regime, string validation, params LeafStage[] stages) =>
        new(regime, "copyright", null, validation, "triaged", stages, []);
}
