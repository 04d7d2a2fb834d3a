using System.Text;
using Azure.Data.Tables;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>The benchmark's bulk loader against Azurite: it must build exactly the log the sequencer builds.</summary>
public sealed class LedgerBenchmarkSupportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task BulkLoad_SameEventsAsTheSequencer_WritesTheSameRowsAndAProvableLog()
    {
        var sequenced = await LedgerTestLog.CreateAsync(azurite);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        // Two cases, 333 leaves: several sequencer transactions, a size that is no power of two.
        var events = LedgerBenchmarkSupport.SyntheticEvents(200, start).Concat(LedgerBenchmarkSupport.SyntheticEvents(133, start.AddSeconds(1))).ToList();
        await LedgerBenchmarkSupport.WritePendingAsync(sequenced.Cases, sequenced.TenantId, events);
        await LedgerBenchmarkSupport.DrainAsync(sequenced.NewSequencer(), sequenced.TenantId);
        var bulk = await sequenced.TwinAsync();

        var loaded = await LedgerBenchmarkSupport.BulkLoadAsync(bulk.Store, bulk.Tenants, bulk.TenantId, events);

        Assert.Equal(await RowsAsync(sequenced), await RowsAsync(bulk));
        var expected = await sequenced.Store.GetStateAsync(sequenced.TenantId);
        var stored = await bulk.Store.GetStateAsync(bulk.TenantId);
        Assert.Equal((333L, 0L, loaded.ETag), (stored.Size, stored.CheckpointSize, stored.ETag));
        Assert.Equal(expected.SubtreeRoots, stored.SubtreeRoots);
        Assert.Equal(expected.Tiles, stored.Tiles);

        // The sequencer proves the loaded tree from its stored nodes and signs it; proofs verify against that root.
        await LedgerBenchmarkSupport.DrainAsync(bulk.NewSequencer(), bulk.TenantId);
        var state = await bulk.Store.GetStateAsync(bulk.TenantId);
        var root = bulk.Keys.Verifier(bulk.TenantId).Verify(state.Checkpoint!, bulk.Keys.Origin(bulk.TenantId)).RootHash;
        Assert.Equal(sequenced.Keys.Verifier(sequenced.TenantId).Verify(expected.Checkpoint!, sequenced.Keys.Origin(sequenced.TenantId)).RootHash, root);
        var leaves = await bulk.AllLeavesAsync();
        foreach (var index in new long[] { 0, 1, 127, 255, 256, 332 })
        {
            var proof = await bulk.Store.InclusionProofAsync(bulk.TenantId, index, 333);
            MerkleVerifier.VerifyInclusion(index, 333, leaves[(int)index].LeafHash, proof, root);
        }

        var report = await LedgerSelfCheck.RunAsync(bulk.Store, bulk.Keys, bulk.TenantId);
        Assert.True(report.Ok, string.Join("; ", report.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task BulkLoad_EventsOutOfSequencingOrder_ThrowsAndWritesNothing()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var events = LedgerBenchmarkSupport.SyntheticEvents(3, start.AddSeconds(1)).Concat(LedgerBenchmarkSupport.SyntheticEvents(3, start)).ToList();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => LedgerBenchmarkSupport.BulkLoadAsync(log.Store, log.Tenants, log.TenantId, events));

        Assert.StartsWith("event 3 is not after event 2 in sequencing order", e.Message, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(log));
    }

    [Fact]
    public async Task BulkLoad_LogAlreadyStarted_ThrowsAndWritesNothing()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(5);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var before = await RowsAsync(log);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            LedgerBenchmarkSupport.BulkLoadAsync(log.Store, log.Tenants, log.TenantId, LedgerBenchmarkSupport.SyntheticEvents(5, DateTimeOffset.UtcNow)));

        Assert.Equal($"the log of tenant {log.TenantId} exists; a bulk load only builds a new one", e.Message);
        Assert.Equal(before, await RowsAsync(log));
    }

    [Fact]
    public async Task BulkLoad_ReceivedEventWithItsNotice_LeafCommitsToThatNotice()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var events = ReceivedThenStep(DateTimeOffset.UtcNow.AddMinutes(-5));

        await LedgerBenchmarkSupport.BulkLoadAsync(log.Store, log.Tenants, log.TenantId, events, notices: p => Encoding.UTF8.GetBytes($"{{\"case\":\"{p.Event.CaseId}\"}}"));

        var secret = await log.Tenants.GetOrCreateCommitmentSecretAsync(log.TenantId);
        var leaves = await log.AllLeavesAsync();
        var received = LedgerLeaf.FromCanonicalBytes(leaves[0].Leaf);
        Assert.Equal(("received", Commitment.Compute(secret, "notice", $"{{\"case\":\"{events[0].Event.CaseId}\"}}")), (received.EventType, received.Commitments["notice"]));
        Assert.False(LedgerLeaf.FromCanonicalBytes(leaves[1].Leaf).Commitments.ContainsKey("notice"));
    }

    [Fact]
    public async Task BulkLoad_ReceivedEventWithoutNotices_ThrowsAndWritesNothing()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => LedgerBenchmarkSupport.BulkLoadAsync(log.Store, log.Tenants, log.TenantId, ReceivedThenStep(DateTimeOffset.UtcNow)));

        Assert.StartsWith("event 0 is a received event", e.Message, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(log));
    }

    private static List<PendingLeaf> ReceivedThenStep(DateTimeOffset at)
    {
        var caseId = Cases.CaseKeys.NewCaseId(at);
        return [.. new[] { "received", "validated" }.Select((kind, i) => new PendingLeaf(
            new Cases.CaseEventRecord { EventId = $"{caseId}-{kind}", CaseId = caseId, Sequence = i + 1, Kind = kind, RecordedAt = at.AddSeconds(i), Details = "{}", Actor = "service" },
            null))];
    }

    /// <summary>Every row of the tenant's log but the state row (its checkpoint fields differ by design), as comparable text.</summary>
    private static async Task<List<string>> RowsAsync(LedgerTestLog log)
    {
        var rows = new List<string>();
        await foreach (var row in log.Ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {log.TenantId} and RowKey ne {LedgerRows.State}")))
        {
            // The SDK's entity also enumerates its keys, timestamp and ETag: compare the row's own properties.
            var properties = row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"));
            rows.Add(row.RowKey + ": " + string.Join(", ", properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value)}")));
        }

        return rows;
    }

    private static string Text(object value) => value switch
    {
        byte[] bytes => Convert.ToHexStringLower(bytes),
        _ => $"{value} ({value.GetType().Name})",
    };
}
