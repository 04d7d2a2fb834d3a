using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 5's benchmark: leaves appended per second through the real sequencer on Azurite (beside
/// the floor of raw table transactions with the same rows), inclusion proofs on a stored log of
/// the asked size, each verified against the log's signed root (beside one point read), and
/// replay verification in memory (beside hashing the leaves alone).
/// </summary>
/// <remarks>
/// A log larger than the appended one is bulk-loaded (<see cref="LedgerBenchmarkSupport.BulkLoadAsync"/>:
/// the sequencer's rows, written directly) and then proven and signed by the sequencer. Through
/// the sequencer, a 1,000,000-leaf log is out of reach: Azurite (LokiJS) keeps a sorted array of
/// a table's partition keys, and an insert moves every entry of its partition, so each wave of
/// 10,000 leaves took longer than the last (3.5 s at the start, 17.5 s at 410,000 leaves; the
/// bulk load of 1,000,000 still takes some 19 minutes of it).
/// </remarks>
internal static class LedgerBenchmark
{
    private const int LeavesPerCase = 10_000;

    /// <summary>Inclusion proofs timed: enough that p99 is the 10th slowest, not the 2nd.</summary>
    private const int Proofs = 1000;

    public static async Task RunAsync(AzuriteServer azurite, int leaves, int appendLeaves, int replayLeaves)
    {
        Report.Header($"ledger: {appendLeaves:N0} leaves appended through the sequencer on Azurite; proofs on a log of {leaves:N0}; replay of {replayLeaves:N0} in memory");
        var cases = azurite.Table("ledgerbenchcases");
        var tenantsTable = azurite.Table("ledgerbenchtenants");
        var ledger = azurite.Table("ledgerbenchlog");
        var container = azurite.Container("ledgerbench");
        await Task.WhenAll(cases.CreateIfNotExistsAsync(), tenantsTable.CreateIfNotExistsAsync(), ledger.CreateIfNotExistsAsync(), container.CreateIfNotExistsAsync());
        var tenants = new TenantStore(tenantsTable);
        var keys = new LedgerSigningKeys(LedgerKeyPair.Generate().PrivateKeyPem, null, "takedownfn.bench/ledger");
        var tenantId = await NewTenantAsync(tenants);
        var store = new LedgerStore(ledger);
        var sequencer = NewSequencer(store, cases, tenants, container, keys);

        // The floor: the rows the sequencer commits (49 leaf rows of 300 bytes and 49 event rows
        // per transaction, into one partition), written as raw batches by a bare HttpClient; no
        // to-do rows read or deleted, no state row. In a table of its own: every row Azurite holds
        // in a table slows each insert into it, so floor rows in the log's table would slow the
        // sequencer measured after them.
        var floorTable = azurite.Table("ledgerbenchfloor");
        await floorTable.CreateIfNotExistsAsync();
        var floor = new FloorRequests(azurite.Account);
        var floorWatch = Stopwatch.StartNew();
        var floorBatches = 0;
        while (floorWatch.Elapsed < TimeSpan.FromSeconds(5))
        {
            var leafKeys = Enumerable.Range(floorBatches++ * 49, 49).Select(i => LedgerRows.Leaf(i));
            var rows = leafKeys.Concat(Enumerable.Range(0, 49).Select(_ => LedgerRows.Event(Guid.NewGuid().ToString("N")))).ToList();
            await floor.TableBatchAsync(floorTable.Name, "floor", rows, payloadBytes: 300, payloadOn: i => i < 49);
        }

        var floorLeavesPerSecond = floorBatches * 49 / floorWatch.Elapsed.TotalSeconds;
        var appendProgress = Every(100_000, size => $"appended {size:N0} leaves through the sequencer");
        var (appended, sequencing) = await LedgerBenchmarkSupport.AppendSyntheticAsync(sequencer, cases, tenantId, appendLeaves, progress: (size, _) => appendProgress(size));
        var appendRate = appended / sequencing.TotalSeconds;
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"leaves appended (sequencer)",-36} {appendRate,9:F0}/s   floor {floorLeavesPerSecond,7:F0}/s   ratio {appendRate / floorLeavesPerSecond:F2}  (target >= 2,000/s)"));

        var proofTable = ledger;
        if (leaves > appended)
        {
            // A log of its own in a table of its own, so the appended log's rows are not in its way.
            proofTable = azurite.Table("ledgerbenchproofs");
            await proofTable.CreateIfNotExistsAsync();
            store = new LedgerStore(proofTable);
            tenantId = await NewTenantAsync(tenants);
            await BulkLoadAsync(store, NewSequencer(store, cases, tenants, container, keys), tenants, tenantId, leaves);
        }

        await ProofsAsync(azurite, proofTable.Name, keys, tenantId);
        Replay(replayLeaves);
    }

    private static async Task BulkLoadAsync(LedgerStore store, LedgerSequencer sequencer, TenantStore tenants, string tenantId, int leaves)
    {
        var started = DateTimeOffset.UtcNow.AddHours(-2);
        var events = new List<PendingLeaf>(leaves);
        for (int i = 0; i < leaves; i += LeavesPerCase)
        {
            events.AddRange(LedgerBenchmarkSupport.SyntheticEvents(Math.Min(LeavesPerCase, leaves - i), started.AddSeconds(i / LeavesPerCase)));
        }

        var clock = Stopwatch.StartNew();
        await LedgerBenchmarkSupport.BulkLoadAsync(store, tenants, tenantId, events,
            Every(200_000, written => $"bulk-loaded {written:N0} of {2L * leaves:N0} rows in {clock.Elapsed.TotalSeconds:F0} s"));
        var loaded = clock.Elapsed;

        // The sequencer proves the stored tree (root from stored nodes = the state's compact range) before it signs.
        await LedgerBenchmarkSupport.DrainAsync(sequencer, tenantId);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{$"log of {leaves:N0} leaves bulk-loaded",-36} {loaded.TotalSeconds,6:F0} s ({2L * leaves / loaded.TotalSeconds:F0} rows/s); proven and signed by the sequencer in {(clock.Elapsed - loaded).TotalSeconds:F1} s"));
    }

    /// <summary>Inclusion proofs of random leaves, each verified against the log's signed root (not timed), beside a point read.</summary>
    private static async Task ProofsAsync(AzuriteServer azurite, string table, LedgerSigningKeys keys, string tenantId)
    {
        // Read through a client that counts its requests: how many reads a proof makes.
        var counter = new StorageOperationCounter();
        var counting = new StorageClientSettings();
        counting.PerCallPolicies.Add(counter);
        var store = new LedgerStore(azurite.Table(table, counting));
        var state = await store.GetStateAsync(tenantId);
        if (state.Checkpoint is null || state.CheckpointSize != state.Size)
        {
            throw new InvalidOperationException($"the log of {state.Size} leaves has no checkpoint over all of it (last at {state.CheckpointSize}): the sequencer refused to sign the stored tree");
        }

        var checkpoint = keys.Verifier(tenantId).Verify(state.Checkpoint, keys.Origin(tenantId));
        var size = checkpoint.TreeSize;
        var random = new Random(20261123);
        var proofTimes = new List<double>();
        var readTimes = new List<double>();
        long reads = 0;

        // Untimed warm-up (connections, JIT), and this process's garbage of the load collected now
        // rather than in the middle of the timed proofs.
        for (var i = 0; i < 20; i++)
        {
            await LedgerBenchmarkSupport.InclusionProofAsync(store, tenantId, random.NextInt64(size), size);
        }

        GC.Collect();
        for (var i = 0; i < Proofs; i++)
        {
            var index = random.NextInt64(size);
            var before = counter.Total;
            var clock = Stopwatch.StartNew();
            var proof = await LedgerBenchmarkSupport.InclusionProofAsync(store, tenantId, index, size);
            proofTimes.Add(clock.Elapsed.TotalMilliseconds);
            reads += counter.Total - before;
            clock.Restart();
            await store.GetStateAsync(tenantId);
            readTimes.Add(clock.Elapsed.TotalMilliseconds);

            // Throws (naming both roots) unless the stored leaf and its path give the signed root.
            var leaf = await store.GetLeafAsync(tenantId, index);
            MerkleVerifier.VerifyInclusion(index, size, Rfc6962.HashLeaf(leaf.Leaf), proof, checkpoint.RootHash);
        }

        var readsPerProof = (double)reads / proofTimes.Count;
        proofTimes.Sort();
        readTimes.Sort();
        var depth = (int)Math.Ceiling(Math.Log2(size));
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{$"inclusion proof, log of {size:N0}",-36} p50 {IntakeBenchmark.Percentile(proofTimes, 0.5),5:F1} ms   p99 {IntakeBenchmark.Percentile(proofTimes, 0.99),5:F1} ms   max {proofTimes[^1],5:F1} ms   one point read p50 {IntakeBenchmark.Percentile(readTimes, 0.5):F1} ms, p99 {IntakeBenchmark.Percentile(readTimes, 0.99):F1} ms, max {readTimes[^1]:F1} ms ({depth} hashes from {readsPerProof:F1} reads per proof, all {proofTimes.Count} verified against the signed root; target < 50 ms at 1,000,000)"));
    }

    private static async Task<string> NewTenantAsync(TenantStore tenants)
    {
        var tenantId = TenantStore.NewTenantId();
        await tenants.CreateTenantAsync(new TenantRecord(tenantId, "Benchmark platform", DateTimeOffset.UtcNow));
        return tenantId;
    }

    private static LedgerSequencer NewSequencer(LedgerStore store, TableClient cases, TenantStore tenants, BlobContainerClient container, LedgerSigningKeys keys) =>
        new(store, cases, tenants, container, keys, new LedgerSequencerOptions { SettleTime = TimeSpan.Zero, CheckpointInterval = TimeSpan.Zero },
            TimeProvider.System, NullLogger<LedgerSequencer>.Instance);

    /// <summary>A progress line on standard error each time the count passes a multiple of <paramref name="step"/>, so a long load shows it is alive.</summary>
    /// <summary>Reports progress on standard error each time the count passes a multiple of <paramref name="step"/>.</summary>
    internal static Action<long> Every(long step, Func<long, string> text)
    {
        long next = step;
        return count =>
        {
            if (count >= next)
            {
                next = ((count / step) + 1) * step;
                Console.Error.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {text(count)}");
            }
        };
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

        // Each side best of two rounds, as elsewhere here, after a full collection: the garbage of
        // a bulk load before it would otherwise be collected in the middle of a timed round.
        GC.Collect();
        var cores = Environment.ProcessorCount;

        // The floor: SHA-256 of every leaf alone, no tree.
        var hashes = new byte[count * 32];
        var hashOnly = BestRate(count, () => MerkleReplay.HashLeaves(leaves, hashes, maxDegreeOfParallelism: 1));
        byte[] root = [];
        var replay = BestRate(count, () => root = MerkleReplay.RootFromLeaves(leaves));
        MerkleReplay.VerifyLeafHashes(hashes, root);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"replay verification (1 thread)",-36} {replay,9:F0} leaves/s   hashing alone {hashOnly,9:F0}/s   ratio {replay / hashOnly:F2}  (target >= 1,000,000/s; {leaves[0].Length}-byte leaves)"));

        // The same replay on every core: leaves hashed in parallel, then aligned subtrees; same root.
        var parallelHashes = new byte[count * 32];
        var parallel = BestRate(count, () =>
        {
            MerkleReplay.HashLeaves(leaves, parallelHashes, cores);
            MerkleReplay.VerifyLeafHashes(parallelHashes, root, cores);
        });
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{$"replay verification ({cores} threads)",-36} {parallel,9:F0} leaves/s   hashing alone {hashOnly,9:F0}/s   ratio {parallel / hashOnly:F2}  (1 thread's floor)"));
    }

    /// <summary>Items per second of the faster of two runs of <paramref name="work"/>.</summary>
    private static double BestRate(int items, Action work)
    {
        double best = 0;
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            work();
            best = Math.Max(best, items / clock.Elapsed.TotalSeconds);
        }

        return best;
    }
}
