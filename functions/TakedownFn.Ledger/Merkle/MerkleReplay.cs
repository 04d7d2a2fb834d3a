using System.Numerics;

namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Recomputes a log's root from all of its leaves, in memory, without allocating per leaf. This is
/// what an auditor's full replay and the ledger benchmark run.
/// </summary>
public static class MerkleReplay
{
    // Perfect subtrees of this many leaves are the unit of parallel work: large enough that the
    // scheduling cost vanishes, small enough that two cores stay busy to the end of the log.
    private const int ChunkLevel = 14;

    /// <summary>Returns the root of the tree whose leaf hashes are concatenated in <paramref name="leafHashes"/>.</summary>
    public static byte[] RootFromLeafHashes(ReadOnlySpan<byte> leafHashes)
    {
        RequireWholeHashes(leafHashes);
        var range = new CompactRange();
        AppendLeafHashes(range, leafHashes);
        return range.GetRoot();
    }

    /// <summary>Returns the root of the tree over <paramref name="leaves"/> (leaf bytes, hashed here).</summary>
    public static byte[] RootFromLeaves(IEnumerable<ReadOnlyMemory<byte>> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var range = new CompactRange();
        foreach (var leaf in leaves)
        {
            range.AppendLeaf(leaf.Span);
        }

        return range.GetRoot();
    }

    /// <summary>
    /// Returns the root of the tree whose leaf hashes are concatenated in <paramref name="leafHashes"/>,
    /// hashing aligned perfect subtrees on up to <paramref name="maxDegreeOfParallelism"/> threads.
    /// The result is identical to <see cref="RootFromLeafHashes(ReadOnlySpan{byte})"/>.
    /// </summary>
    public static byte[] RootFromLeafHashesParallel(ReadOnlyMemory<byte> leafHashes, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        long leafCount = RequireWholeHashes(leafHashes.Span);
        const long chunkLeaves = 1L << ChunkLevel;
        long fullChunks = leafCount / chunkLeaves;

        // Every full chunk is an aligned perfect subtree, so its root can be computed on its own
        // and then appended to the range as a single node of height ChunkLevel.
        var chunkRoots = new byte[fullChunks * Rfc6962.HashSize];
        Parallel.For(0L, fullChunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, chunk =>
        {
            var range = new CompactRange();
            var slice = leafHashes.Span.Slice(checked((int)(chunk * chunkLeaves * Rfc6962.HashSize)), (int)chunkLeaves * Rfc6962.HashSize);
            AppendLeafHashes(range, slice);
            range.GetRoot(chunkRoots.AsSpan(checked((int)(chunk * Rfc6962.HashSize)), Rfc6962.HashSize));
        });

        var total = new CompactRange();
        for (long chunk = 0; chunk < fullChunks; chunk++)
        {
            total.AppendSubtree(ChunkLevel, chunkRoots.AsSpan(checked((int)(chunk * Rfc6962.HashSize)), Rfc6962.HashSize));
        }

        AppendLeafHashes(total, leafHashes.Span[checked((int)(fullChunks * chunkLeaves * Rfc6962.HashSize))..]);
        return total.GetRoot();
    }

    /// <summary>
    /// Writes the RFC 6962 leaf hash of each leaf into consecutive 32-byte slots of
    /// <paramref name="destination"/>, on up to <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    public static void HashLeaves(IReadOnlyList<ReadOnlyMemory<byte>> leaves, Memory<byte> destination, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        if (destination.Length != (long)leaves.Count * Rfc6962.HashSize)
        {
            throw new ArgumentException($"destination is {destination.Length} bytes, want {(long)leaves.Count * Rfc6962.HashSize}", nameof(destination));
        }

        Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
            Rfc6962.HashLeaf(leaves[i].Span, destination.Span.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize)));
    }

    /// <summary>
    /// Recomputes the root over <paramref name="leafHashes"/> and checks it against
    /// <paramref name="expectedRoot"/>; throws <see cref="RootMismatchException"/> if they differ.
    /// </summary>
    public static void VerifyLeafHashes(ReadOnlyMemory<byte> leafHashes, ReadOnlySpan<byte> expectedRoot, int maxDegreeOfParallelism = 1)
    {
        HashChecks.RequireHashSize(expectedRoot, "expected root");
        var computed = maxDegreeOfParallelism == 1
            ? RootFromLeafHashes(leafHashes.Span)
            : RootFromLeafHashesParallel(leafHashes, maxDegreeOfParallelism);
        if (!computed.AsSpan().SequenceEqual(expectedRoot))
        {
            throw new RootMismatchException("root", expectedRoot.ToArray(), computed);
        }
    }

    private static void AppendLeafHashes(CompactRange range, ReadOnlySpan<byte> leafHashes)
    {
        for (int offset = 0; offset < leafHashes.Length; offset += Rfc6962.HashSize)
        {
            range.AppendLeafHash(leafHashes.Slice(offset, Rfc6962.HashSize));
        }
    }

    private static long RequireWholeHashes(ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length % Rfc6962.HashSize != 0)
        {
            throw new ArgumentException($"leaf hashes are {leafHashes.Length} bytes, not a multiple of {Rfc6962.HashSize}", nameof(leafHashes));
        }

        return leafHashes.Length / Rfc6962.HashSize;
    }

    internal static bool IsPowerOfTwo(long n) => n > 0 && BitOperations.IsPow2((ulong)n);
}
