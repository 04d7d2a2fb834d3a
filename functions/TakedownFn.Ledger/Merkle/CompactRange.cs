using System.Numerics;

namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// The compact range [0, size) of an append-only RFC 6962 tree: the roots of the perfect subtrees
/// that a tree of <see cref="Size"/> leaves decomposes into, left to right (one per set bit of the
/// size). Appending costs one leaf hash plus, amortised, one node hash, and allocates nothing, so
/// it is what replays a log and what a sequencer keeps between appends.
/// </summary>
public sealed class CompactRange
{
    // A tree of at most long.MaxValue leaves has at most 63 perfect subtrees on its right border.
    private const int MaxSubtrees = 64;

    private readonly byte[] hashes = new byte[MaxSubtrees * Rfc6962.HashSize];
    private readonly byte[] levels = new byte[MaxSubtrees];
    private int count;

    /// <summary>Number of leaves covered so far.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// Rebuilds a range from its persisted subtree roots, which must be exactly one 32-byte hash per
    /// set bit of <paramref name="size"/>, largest subtree first (as returned by <see cref="GetSubtreeRoots"/>).
    /// </summary>
    public static CompactRange Restore(long size, IReadOnlyList<byte[]> subtreeRoots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(subtreeRoots);
        int want = BitOperations.PopCount((ulong)size);
        if (subtreeRoots.Count != want)
        {
            throw new ArgumentException($"size {size} needs {want} subtree roots, got {subtreeRoots.Count}", nameof(subtreeRoots));
        }

        var range = new CompactRange();
        for (int level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                range.AppendSubtree(level, subtreeRoots[range.count]);
            }
        }

        return range;
    }

    /// <summary>Appends a leaf given its bytes (hashed here with the RFC 6962 leaf prefix).</summary>
    public void AppendLeaf(ReadOnlySpan<byte> leaf)
    {
        Span<byte> leafHash = stackalloc byte[Rfc6962.HashSize];
        Rfc6962.HashLeaf(leaf, leafHash);
        AppendSubtree(0, leafHash);
    }

    /// <summary>Appends a leaf given its RFC 6962 leaf hash.</summary>
    public void AppendLeafHash(ReadOnlySpan<byte> leafHash) => AppendSubtree(0, leafHash);

    /// <summary>
    /// Appends a whole perfect subtree of 2^<paramref name="level"/> leaves given its root; the
    /// current size must be a multiple of 2^<paramref name="level"/> so the subtree lands aligned.
    /// </summary>
    public void AppendSubtree(int level, ReadOnlySpan<byte> root)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 62);
        if (root.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException($"subtree root is {root.Length} bytes, want {Rfc6962.HashSize}", nameof(root));
        }

        long width = 1L << level;
        if ((Size & (width - 1)) != 0)
        {
            throw new InvalidOperationException($"a subtree of {width} leaves cannot start at index {Size}");
        }

        if (Size > long.MaxValue - width)
        {
            throw new InvalidOperationException($"appending {width} leaves to size {Size} overflows");
        }

        root.CopyTo(Slot(count));
        levels[count] = (byte)level;
        count++;
        Size += width;

        // Two neighbouring subtrees of equal height are siblings: fold them into their parent.
        while (count >= 2 && levels[count - 2] == levels[count - 1])
        {
            Rfc6962.HashChildren(Slot(count - 2), Slot(count - 1), Slot(count - 2));
            levels[count - 2]++;
            count--;
        }
    }

    /// <summary>Writes the RFC 6962 root of the leaves appended so far.</summary>
    public void GetRoot(Span<byte> destination)
    {
        if (destination.Length < Rfc6962.HashSize)
        {
            throw new ArgumentException($"destination is {destination.Length} bytes, want {Rfc6962.HashSize}", nameof(destination));
        }

        if (count == 0)
        {
            Rfc6962.EmptyRoot.CopyTo(destination);
            return;
        }

        // RFC 6962 splits at the largest power of two below n, so the root is the right fold of
        // the subtree roots: H(s0, H(s1, ... H(s[k-2], s[k-1]))).
        Span<byte> root = stackalloc byte[Rfc6962.HashSize];
        Slot(count - 1).CopyTo(root);
        for (int i = count - 2; i >= 0; i--)
        {
            Rfc6962.HashChildren(Slot(i), root, root);
        }

        root.CopyTo(destination);
    }

    /// <summary>Returns the RFC 6962 root of the leaves appended so far.</summary>
    public byte[] GetRoot()
    {
        var root = new byte[Rfc6962.HashSize];
        GetRoot(root);
        return root;
    }

    /// <summary>Copies out the perfect subtree roots, largest first, for persisting and <see cref="Restore"/>.</summary>
    public IReadOnlyList<byte[]> GetSubtreeRoots()
    {
        var roots = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            roots[i] = Slot(i).ToArray();
        }

        return roots;
    }

    private Span<byte> Slot(int i) => hashes.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize);
}
