using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Incidents;
using TakedownFn.Storage.Surge;

namespace TakedownFn.Storage.Tests.Keys;

/// <summary>
/// Cases, incidents and surges share the tenant's partition of the cases table, and every range
/// query there reads one row kind by its prefix. Two kinds under one prefix read each other's rows:
/// repeat disclosers once shared <c>u|</c> with the report fold's to-do rows, and the fold failed on them.
/// </summary>
public class PartitionKeyPrefixTests
{
    private const string CaseId = "01a25284d577f2b4d3e1ee";

    [Fact]
    public void RowKinds_OfTheTenantPartition_EachHaveTheirOwnPrefix()
    {
        var when = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        (string Kind, string Key)[] kinds =
        [
            ("case", CaseKeys.Case(CaseId)),
            ("step", CaseKeys.Event(CaseId, 1)),
            ("platform reference", CaseKeys.Reference("ref")),
            ("idempotency key", CaseKeys.IdempotencyKey("key")),
            ("batch key", CaseKeys.BatchKey("key")),
            ("step key", CaseKeys.StepKey(CaseId, "key")),
            ("outbox", CaseKeys.Outbox(CaseId)),
            ("pending leaf", CaseKeys.PendingLeaf("ev")),
            ("timer", CaseKeys.Timer(CaseId, "act", "breach", when)),
            ("open breach", CaseKeys.OpenBreach(CaseId, "act")),
            ("provisional", CaseKeys.Provisional(CaseId)),
            ("report to-do", CaseKeys.ReportTodo(CaseId)),
            ("incident", IncidentKeys.Incident("i" + CaseId)),
            ("victim value", IncidentKeys.VictimKey("commitment")),
            ("case link", IncidentKeys.CaseLink(CaseId)),
            ("repeat discloser", IncidentKeys.Discloser("commitment")),
            ("surge state", SurgeStore.StateKey("stream")),
        ];

        var shared = kinds.GroupBy(k => k.Key[..(k.Key.IndexOf('|', StringComparison.Ordinal) + 1)])
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(k => k.Kind))}")
            .ToList();
        Assert.True(shared.Count == 0, "Row kinds sharing a prefix: " + string.Join("; ", shared));
    }
}
