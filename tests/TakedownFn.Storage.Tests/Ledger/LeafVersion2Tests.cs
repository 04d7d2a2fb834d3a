using System.Text;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>Leaves the sequencer writes now (version 2): the details' digest opens with the step's salt, and the case's facts are the ones recorded with the step.</summary>
public sealed class LeafVersion2Tests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Run_PendingRowWithFacts_LeafBindsDigestAndFacts()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var caseId = CaseKeys.NewCaseId(at);
        var details = "{\"reason\":\"Jane Example, 12 Sample Street\"}";
        var step = new CaseEventRecord
        {
            EventId = Domain.Events.EventIds.For(caseId, "content-removed", "3"),
            CaseId = caseId,
            Sequence = 3,
            Kind = "content-removed",
            RecordedAt = at,
            Details = details,
            Actor = "key123",
        };
        var updated = new CaseRecord
        {
            TenantId = log.TenantId,
            CaseId = caseId,
            Regime = "cn-doxxing",
            Category = "doxxing",
            State = "actioned",
            Validation = "valid",
            Severity = "high",
            PlatformReference = "ref-1",
            ReceivedAt = at.AddHours(-1),
            AcceptedAt = at.AddHours(-1),
            Deadlines = [new DeadlineRecord("act", at.AddMinutes(5), false, "CAC 2025", "met", at), new DeadlineRecord("acknowledge", at.AddHours(23), false, "CAC 2025", "open")],
        };
        var facts = LeafFactsOf.From(updated, step);
        await log.Cases.AddEntityAsync(CaseEntityMapping.ToPendingLeaf(log.TenantId, step, "policy-1", facts.ToJson().ToJsonString()));

        await log.NewSequencer().RunAsync(log.TenantId);

        var stored = Assert.Single(await log.AllLeavesAsync());
        Assert.DoesNotContain("Jane", Encoding.UTF8.GetString(stored.Leaf), StringComparison.Ordinal);
        var leaf = LedgerLeaf.FromCanonicalBytes(stored.Leaf);
        var secret = await log.Tenants.GetOrCreateCommitmentSecretAsync(log.TenantId);
        Assert.Equal(2, leaf.Version);
        Assert.Equal(DetailsDigest.Compute(DetailsDigest.Salt(secret, step.EventId), details), leaf.DetailsDigest);
        Assert.Equal(["act"], leaf.Facts!.Completes);
        Assert.Equal([("act", at.AddMinutes(5), "met"), ("acknowledge", at.AddHours(23), "open")], leaf.Facts.Stages.Select(s => (s.Stage, s.DueAt, s.State)));
        Assert.Equal(("cn-doxxing", "doxxing", "high"), (leaf.Facts.Regime, leaf.Facts.Category, leaf.Facts.Severity));
    }
}
