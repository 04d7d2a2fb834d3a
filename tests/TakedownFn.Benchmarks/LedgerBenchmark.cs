using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Blobs;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tables;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 5's benchmark: leaves appended per second through the real sequencer on Azurite (beside
/// the floor of raw table transactions with the same rows), inclusion proofs on the stored log
/// (beside one point read), and replay verification in memory (beside hashing the leaves alone).
/// </summary>
internal static class LedgerBenchmark
{
    public static async Task RunAsync(AzuriteServer azurite, int leaves, int replayLeaves)
    {
        Report.Header($"ledger: {leaves:N0} leaves appended through the sequencer on Azurite; replay of {replayLeaves:N0} in memory");
        var connection = azurite.Connection;
        var cases = new TableClient(connection, "ledgerbenchcases");
        var tenantsTable = new TableClient(connection, "ledgerbenchtenants");
        var ledger = new TableClient(connection, "ledgerbenchlog");
        var container = new BlobContainerClient(connection, "ledgerbench");
        await Task.WhenAll(cases.CreateIfNotExistsAsync(), tenantsTable.CreateIfNotExistsAsync(), ledger.CreateIfNotExistsAsync(), container.CreateIfNotExistsAsync());
        var tenants = new TenantStore(tenantsTable);
        var tenantId = TenantStore.NewTenantId();
        await tenants.CreateTenantAsync(new TenantRecord(tenantId, "Benchmark platform", DateTimeOffset.UtcNow));
        var store = new LedgerStore(ledger);
        var sequencer = new LedgerSequencer(
            store, cases, tenants, container, new LedgerSigningKeys(LedgerKeyPair.Generate().PrivateKeyPem, null, "takedownfn.bench/ledger"),
            new LedgerSequencerOptions { SettleTime = TimeSpan.Zero, CheckpointInterval = TimeSpan.Zero }, TimeProvider.System, NullLogger<LedgerSequencer>.Instance);

        // The floor: the same rows the sequencer commits (a leaf row and an event row per leaf,
        // 49 leaves per transaction), written as raw batches by a bare HttpClient.
        var floor = new FloorRequests(connection);
        var rows = Enumerable.Range(0, 98).Select(i => $"r{i:D3}").ToList();
        var floorWatch = Stopwatch.StartNew();
        var floorBatches = 0;
        while (floorWatch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await floor.TableBatchAsync("ledgerbenchlog", $"floor{floorBatches++}", rows, payloadBytes: 300);
        }

        var floorLeavesPerSecond = floorBatches * 49 / floorWatch.Elapsed.TotalSeconds;
        var (appended, sequencing) = await LedgerBenchmarkSupport.AppendSyntheticAsync(sequencer, cases, tenantId, leaves);
        var appendRate = appended / sequencing.TotalSeconds;
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"leaves appended (sequencer)",-36} {appendRate,9:F0}/s   floor {floorLeavesPerSecond,7:F0}/s   ratio {appendRate / floorLeavesPerSecond:F2}  (target >= 2,000/s)"));

        await ProofsAsync(store, ledger, tenantId, appended);
        Replay(replayLeaves);
    }

    private static async Task ProofsAsync(LedgerStore store, TableClient ledger, string tenantId, long size)
    {
        var random = new Random(20261123);
        var proofTimes = new List<double>();
        var readTimes = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var index = random.NextInt64(size);
            var clock = Stopwatch.StartNew();
            await LedgerBenchmarkSupport.InclusionProofAsync(store, tenantId, index, size);
            proofTimes.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await ledger.GetEntityIfExistsAsync(tenantId, "state");
            readTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        proofTimes.Sort();
        readTimes.Sort();
        var depth = (int)Math.Ceiling(Math.Log2(size));
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{$"inclusion proof, log of {size:N0}",-36} p50 {IntakeBenchmark.Percentile(proofTimes, 0.5),5:F1} ms   p99 {IntakeBenchmark.Percentile(proofTimes, 0.99),5:F1} ms   one point read p50 {IntakeBenchmark.Percentile(readTimes, 0.5):F1} ms ({depth} hashes per proof; target < 50 ms at 1,000,000)"));
    }

    private static void Replay(int count)
    {
        var time = DateTimeOffset.UtcNow;
        var leaves = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++)
        {
            leaves[i] = new LedgerLeaf($"ev-{i:D12}", "0193a5b2c3d4e5f6a7b8c9", "content-removed", time.AddTicks(i), "takedownfn-default/1",
                new Dictionary<string, string> { ["details"] = new string('a', 64) }).ToCanonicalBytes();
        }

        // The floor: SHA-256 of every leaf alone, no tree.
        var hashes = new byte[count * 32];
        var clock = Stopwatch.StartNew();
        MerkleReplay.HashLeaves(leaves, hashes, maxDegreeOfParallelism: 1);
        var hashOnly = count / clock.Elapsed.TotalSeconds;

        clock.Restart();
        var root = MerkleReplay.RootFromLeaves(leaves);
        var replay = count / clock.Elapsed.TotalSeconds;
        MerkleReplay.VerifyLeafHashes(hashes, root);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"replay verification (1 thread)",-36} {replay,9:F0} leaves/s   hashing alone {hashOnly,9:F0}/s   ratio {replay / hashOnly:F2}  (target >= 1,000,000/s; {leaves[0].Length}-byte leaves)"));
    }
}
