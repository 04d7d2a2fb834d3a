using System.Numerics;

namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Works out which subtrees a proof consists of, straight from the RFC 6962 §2.1.1 (PATH) and
/// §2.1.2 (SUBPROOF) definitions, and which perfect nodes each of those subtrees is made of.
/// </summary>
internal static class ProofPlan
{
    /// <summary>One proof element: MTH(D[Begin:End]).</summary>
    public readonly record struct LeafRange(long Begin, long End);

    /// <summary>The ranges of PATH(index, D[0:size]), leaf end first.</summary>
    public static List<LeafRange> Inclusion(long index, long size)
    {
        var ranges = new List<LeafRange>();
        long begin = 0, end = size;
        while (end - begin > 1)
        {
            long k = LargestPowerOfTwoBelow(end - begin);
            if (index - begin < k)
            {
                ranges.Add(new LeafRange(begin + k, end));
                end = begin + k;
            }
            else
            {
                ranges.Add(new LeafRange(begin, begin + k));
                begin += k;
            }
        }

        // The recursion appends on the way out, so the deepest sibling comes first.
        ranges.Reverse();
        return ranges;
    }

    /// <summary>The ranges of PROOF(size1, D[0:size2]) = SUBPROOF(size1, D[0:size2], true), leaf end first.</summary>
    public static List<LeafRange> Consistency(long size1, long size2)
    {
        var ranges = new List<LeafRange>();
        long begin = 0, end = size2, m = size1;
        bool startsAtOldRoot = true;
        while (true)
        {
            long n = end - begin;
            if (m == n)
            {
                // The old tree is this very subtree; it is left out only when the verifier already
                // holds its hash as the old root.
                if (!startsAtOldRoot)
                {
                    ranges.Add(new LeafRange(begin, end));
                }

                break;
            }

            long k = LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                ranges.Add(new LeafRange(begin + k, end));
                end = begin + k;
            }
            else
            {
                ranges.Add(new LeafRange(begin, begin + k));
                begin += k;
                m -= k;
                startsAtOldRoot = false;
            }
        }

        ranges.Reverse();
        return ranges;
    }

    /// <summary>The perfect nodes that tile [begin, end), largest (leftmost) first.</summary>
    public static List<NodeId> RangeNodes(long begin, long end)
    {
        var nodes = new List<NodeId>();
        while (begin < end)
        {
            int alignment = begin == 0 ? 62 : BitOperations.TrailingZeroCount(begin);
            int fits = 63 - BitOperations.LeadingZeroCount((ulong)(end - begin));
            int level = Math.Min(alignment, fits);
            nodes.Add(new NodeId(level, begin >> level));
            begin += 1L << level;
        }

        return nodes;
    }

    /// <summary>
    /// MTH of a range from the hashes of its nodes (as listed by <see cref="RangeNodes"/>): proof
    /// ranges start at a multiple of a power of two at least their length, so RFC 6962's split at
    /// the largest power of two below n peels off the leftmost node each time, i.e. a right fold.
    /// </summary>
    public static byte[] FoldRange(IReadOnlyList<byte[]> hashes, int start, int count)
    {
        if (count == 0)
        {
            return Rfc6962.EmptyRootHash();
        }

        var result = (byte[])hashes[start + count - 1].Clone();
        for (int i = start + count - 2; i >= start; i--)
        {
            Rfc6962.HashChildren(hashes[i], result, result);
        }

        return result;
    }

    /// <summary>The k of RFC 6962: the largest power of two strictly less than n (n ≥ 2).</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
