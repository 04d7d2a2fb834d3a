using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Ledger;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>The sequencer against Azurite: order, exactly-once, crashes, concurrency, checkpoints.</summary>
public sealed class LedgerSequencerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Run_PendingEvents_AppendsInRecordedOrderAndPublishesVerifiableCheckpoint()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await log.WritePendingAsync(60, start.AddSeconds(1));
        await log.WritePendingAsync(60, start);
        var ids = (await log.PendingRowsAsync()).Select(r => (Id: r.GetString("EventId")!, At: r.GetDateTimeOffset("RecordedAt")!.Value)).ToList();

        var run = await log.NewSequencer().RunAsync(log.TenantId);

        Assert.Equal(new SequencerRun(true, 120, 120), run);
        await log.AssertExactlyOnceAsync(ids.Select(i => i.Id).ToList());
        var leaves = await log.AllLeavesAsync();
        Assert.Equal(ids.OrderBy(i => i.At).Select(i => i.Id), leaves.Select(l => l.EventId));
        var state = await log.Store.GetStateAsync(log.TenantId);
        var checkpoint = log.Keys.Verifier(log.TenantId).Verify(state.Checkpoint!, log.Keys.Origin(log.TenantId));
        Assert.Equal(120, checkpoint.TreeSize);
        Assert.Equal(MerkleReplay.RootFromLeaves(leaves.Select(l => (ReadOnlyMemory<byte>)l.Leaf)), checkpoint.RootHash);
        var blob = await log.Container.GetBlobClient(LedgerSequencer.CheckpointsBlobName(log.TenantId)).DownloadContentAsync();
        Assert.Equal(state.Checkpoint, Encoding.UTF8.GetString(blob.Value.Content.ToArray()));
    }

    [Fact]
    public async Task Proofs_FromStoredNodes_VerifyAndMatchTheInMemoryTree()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        // 600 leaves: two complete tiles on leaf rows, the rest of every level on the state row.
        await log.WritePendingAsync(600);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var tree = new InMemoryMerkleTree();
        foreach (var leaf in await log.AllLeavesAsync())
        {
            tree.AppendLeaf(leaf.Leaf);
        }

        foreach (var (index, size) in new[] { (0L, 1L), (5L, 8L), (63L, 64L), (64L, 77L), (76L, 77L), (30L, 33L), (255L, 256L), (256L, 600L), (511L, 512L), (3L, 600L), (599L, 600L), (520L, 530L) })
        {
            var proof = await log.Store.InclusionProofAsync(log.TenantId, index, size);
            Assert.Equal(await MerkleProofs.InclusionProofAsync(tree, index, size), proof);
            MerkleVerifier.VerifyInclusion(index, size, tree.GetNodeHash(new NodeId(0, index)), proof, tree.GetRoot(size));
        }

        foreach (var (from, to) in new[] { (1L, 77L), (7L, 8L), (32L, 77L), (50L, 77L), (77L, 77L), (255L, 600L), (256L, 512L), (300L, 599L), (599L, 600L), (1L, 600L) })
        {
            var proof = await log.Store.ConsistencyProofAsync(log.TenantId, from, to);
            MerkleVerifier.VerifyConsistency(from, to, tree.GetRoot(from), tree.GetRoot(to), proof);
        }
    }

    [Fact]
    public async Task InclusionProof_OnStoredLog_ReadsOneRowPerTile()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(300);
        await LedgerBenchmarkSupport.DrainAsync(log.NewSequencer(), log.TenantId);
        var counter = new StorageOperationCounter();
        var settings = new StorageClientSettings();
        settings.PerCallPolicies.Add(counter);
        var counting = new LedgerStore(azurite.Table(log.Ledger.Name, settings));

        var proof = await counting.InclusionProofAsync(log.TenantId, 123, 300);

        // Two point reads for 9 hashes: leaf row 255 (tile (0, 0)) and the state row (the rest).
        Assert.Equal(9, proof.Count);
        Assert.Equal(2, counter.Total);
    }

    [Fact]
    public async Task Leaf_HoldsCommitmentsNotTheDetails()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var caseId = CaseKeys.NewCaseId(DateTimeOffset.UtcNow);
        var details = "{\"reason\":\"Jane Example, 12 Sample Street\"}";
        var record = new CaseEventRecord
        {
            EventId = Domain.Events.EventIds.For(caseId, "content-removed", "2"),
            CaseId = caseId,
            Sequence = 2,
            Kind = "content-removed",
            RecordedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            Details = details,
            Actor = "key123",
        };
        await log.Cases.AddEntityAsync(CaseEntityMapping.ToPendingLeaf(log.TenantId, record, "policy-1"));

        await log.NewSequencer().RunAsync(log.TenantId);

        var stored = Assert.Single(await log.AllLeavesAsync());
        Assert.DoesNotContain("Jane", Encoding.UTF8.GetString(stored.Leaf), StringComparison.Ordinal);
        var leaf = LedgerLeaf.FromCanonicalBytes(stored.Leaf);
        var secret = await log.Tenants.GetOrCreateCommitmentSecretAsync(log.TenantId);
        Assert.True(Commitment.Matches(secret, "details", details, leaf.Commitments["details"]));
        Assert.Equal(("content-removed", "policy-1", record.EventId), (leaf.EventType, leaf.PolicyVersion, leaf.EventId));
    }

    [Fact]
    public async Task Run_RedeliveredPendingRow_IsSequencedOnce()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(10);
        var rows = await log.PendingRowsAsync();
        await log.NewSequencer().RunAsync(log.TenantId);

        // The to-do rows come back (as after a crash between commit and delete), plus new ones.
        foreach (var row in rows.Take(4))
        {
            row.ETag = default;
            await log.Cases.AddEntityAsync(row);
        }

        await log.WritePendingAsync(5);
        var ids = rows.Select(r => r.GetString("EventId")!).Concat((await log.PendingRowsAsync()).Select(r => r.GetString("EventId")!)).Distinct().ToList();
        var run = await log.NewSequencer().RunAsync(log.TenantId);

        Assert.Equal(5, run.Appended);
        await log.AssertExactlyOnceAsync(ids);
    }

    [Theory]
    [InlineData("before-commit")]
    [InlineData("after-commit")]
    [InlineData("before-checkpoint-state")]
    public async Task Run_KilledMidBatchThenRestarted_LeavesNoGapOrDuplicate(string point)
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(3 * LedgerSequencer.LeavesPerTransaction);
        var ids = (await log.PendingRowsAsync()).Select(r => r.GetString("EventId")!).ToList();
        var crashing = log.NewSequencer();
        int reached = 0;
        crashing.Fault = (at, _) => at == point && ++reached == (point == "before-checkpoint-state" ? 1 : 2) ? throw new IOException($"crash at {at}") : Task.CompletedTask;

        await Assert.ThrowsAsync<IOException>(() => crashing.RunAsync(log.TenantId));
        var afterCrash = await log.Store.GetStateAsync(log.TenantId);
        var run = await log.NewSequencer().RunAsync(log.TenantId);

        Assert.True(run.Leased);
        Assert.Equal(ids.Count - afterCrash.Size, run.Appended);
        await log.AssertExactlyOnceAsync(ids);
        Assert.Equal(ids.Count, (await log.Store.GetStateAsync(log.TenantId)).CheckpointSize);
    }

    [Fact]
    public async Task TwoSequencers_RunningConcurrently_ProduceOneGapFreeLogWithEveryEventOnce()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var a = log.NewSequencer();
        var b = log.NewSequencer();
        var writing = Task.Run(async () =>
        {
            for (int wave = 0; wave < 6; wave++)
            {
                await log.WritePendingAsync(70, DateTimeOffset.UtcNow.AddMinutes(-1).AddSeconds(wave));
                await Task.Delay(50);
            }
        });

        // The leased runs, and the bare append (as a sequencer whose lease lapsed would do), race.
        async Task Loop(LedgerSequencer sequencer, bool leased)
        {
            while (!writing.IsCompleted || (await log.PendingRowsAsync()).Count > 0)
            {
                if (leased)
                {
                    await sequencer.RunAsync(log.TenantId);
                }
                else
                {
                    await sequencer.AppendPendingAsync(log.TenantId, CancellationToken.None);
                }
            }
        }

        await Task.WhenAll(writing, Loop(a, leased: true), Loop(b, leased: true), Loop(log.NewSequencer(), leased: false), Loop(log.NewSequencer(), leased: false));
        await log.NewSequencer().RunAsync(log.TenantId);

        var ids = (await log.AllLeavesAsync()).Select(l => l.EventId).ToList();
        Assert.Equal(420, ids.Count);
        await log.AssertExactlyOnceAsync(ids);
    }

    [Fact]
    public async Task AppendPending_TwoSequencersCommittingDifferentBatchesAtTheSameSize_OnlyOneLands()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(30, DateTimeOffset.UtcNow.AddMinutes(-1));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        (LedgerSequencer Sequencer, TaskCompletionSource AtTheLine) Racer()
        {
            // Holds its first commit until released, after it read the state and built its batch.
            var sequencer = log.NewSequencer();
            var atTheLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            sequencer.Fault = async (at, _) =>
            {
                if (at == "before-commit" && !atTheLine.Task.IsCompleted)
                {
                    atTheLine.SetResult();
                    await release.Task.WaitAsync(TimeSpan.FromSeconds(20));
                }
            };
            return (sequencer, atTheLine);
        }

        var a = Racer();
        var runA = a.Sequencer.AppendPendingAsync(log.TenantId, CancellationToken.None);
        await a.AtTheLine.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // B sees more events, recorded earlier, so its batch for the same indexes differs from A's.
        await log.WritePendingAsync(30, DateTimeOffset.UtcNow.AddMinutes(-2));
        var b = Racer();
        var runB = b.Sequencer.AppendPendingAsync(log.TenantId, CancellationToken.None);
        await b.AtTheLine.Task.WaitAsync(TimeSpan.FromSeconds(20));
        release.SetResult();
        var results = await Task.WhenAll(runA, runB);
        var ids = (await log.PendingRowsAsync()).Select(r => r.GetString("EventId")!).Concat((await log.AllLeavesAsync()).Select(l => l.EventId)).Distinct().ToList();
        await log.NewSequencer().RunAsync(log.TenantId);

        Assert.Equal(60, ids.Count);
        Assert.Contains(0, results.Select(r => r.Appended));
        await log.AssertExactlyOnceAsync(ids);
    }

    [Fact]
    public async Task Run_WhileAnotherHoldsTheLease_IsBusyAndWritesNothing()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(5);
        var blob = log.Container.GetBlobClient($"{log.TenantId}/sequencer");
        await blob.UploadAsync(BinaryData.Empty);
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        var busy = await log.NewSequencer().RunAsync(log.TenantId);
        await lease.ReleaseAsync();
        var after = await log.NewSequencer().RunAsync(log.TenantId);

        Assert.Equal(SequencerRun.Busy, busy);
        Assert.Equal(5, after.Appended);
    }

    [Fact]
    public async Task Checkpoint_WithinInterval_IsNotPublishedAgain()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var sequencer = log.NewSequencer(new LedgerSequencerOptions { SettleTime = TimeSpan.Zero, CheckpointInterval = TimeSpan.FromHours(1) });
        await log.WritePendingAsync(3);
        var first = await sequencer.RunAsync(log.TenantId);
        await log.WritePendingAsync(3);

        var second = await sequencer.RunAsync(log.TenantId);

        Assert.Equal((3L, (long?)3), (first.Appended, first.Checkpoint));
        Assert.Equal((3L, (long?)null), (second.Appended, second.Checkpoint));
        Assert.Equal(3, (await log.Store.GetStateAsync(log.TenantId)).CheckpointSize);
    }

    [Fact]
    public async Task Run_StateRowsTilesAltered_AppendsAndSignsNothing()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        var sequencer = log.NewSequencer();
        await log.WritePendingAsync(8);
        await sequencer.RunAsync(log.TenantId);
        // The hash of leaf 2, in the unfinished tile (0, 0) on the state row.
        var row = (await log.Ledger.GetEntityAsync<TableEntity>(log.TenantId, LedgerRows.State)).Value;
        var tiles = row.GetBinary("Tiles")!;
        tiles[64] ^= 1;
        row["Tiles"] = tiles;
        await log.Ledger.UpsertEntityAsync(row, TableUpdateMode.Replace);
        await log.WritePendingAsync(4);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => sequencer.RunAsync(log.TenantId));

        Assert.Equal("the state row's unfinished tile (0, 0): entries 0 to 7 do not hash to the compact range's root at level 3", e.Message);
        var state = await log.Store.GetStateAsync(log.TenantId);
        Assert.Equal((8L, 8L), (state.Size, state.CheckpointSize));
    }

    [Fact]
    public async Task Checkpoint_StoredTreeAltered_IsRefused()
    {
        var log = await LedgerTestLog.CreateAsync(azurite);
        await log.WritePendingAsync(8);
        await log.NewSequencer().RunAsync(log.TenantId);
        await log.WritePendingAsync(4);
        await log.NewSequencer(new LedgerSequencerOptions { SettleTime = TimeSpan.Zero, CheckpointInterval = TimeSpan.FromHours(1) }).RunAsync(log.TenantId);
        // 12 leaves, checkpoint at 8: alter the hash of leaf 2 in the state row's unfinished tile.
        var row = (await log.Ledger.GetEntityAsync<TableEntity>(log.TenantId, LedgerRows.State)).Value;
        var tiles = row.GetBinary("Tiles")!;
        tiles[64] ^= 1;
        row["Tiles"] = tiles;
        await log.Ledger.UpsertEntityAsync(row, TableUpdateMode.Replace);

        var run = await log.NewSequencer().RunAsync(log.TenantId);

        Assert.Equal((0L, (long?)null), (run.Appended, run.Checkpoint));
        var state = await log.Store.GetStateAsync(log.TenantId);
        Assert.Equal((12L, 8L), (state.Size, state.CheckpointSize));
    }
}
