using System.Security.Cryptography;

namespace TakedownFn.Ledger.Tests.Merkle;

/// <summary>
/// RFC 6962 §2.1 transcribed literally: recursive MTH, PATH and PROOF over byte arrays, with its
/// own hashing. Slow and obviously right; the fast code is cross-checked against it. Subtree
/// hashes are memoised per leaf list only so that checking every proof up to size 256 stays fast.
/// </summary>
internal static class ReferenceTree
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<byte[]>, System.Collections.Concurrent.ConcurrentDictionary<(int, int), byte[]>> Memo = [];

    public static byte[] LeafHash(byte[] leaf) => SHA256.HashData([0x00, .. leaf]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    public static byte[] Mth(IReadOnlyList<byte[]> leaves, int begin, int end) =>
        Memo.GetOrCreateValue(leaves).GetOrAdd((begin, end), range => ComputeMth(leaves, range.Item1, range.Item2));

    private static byte[] ComputeMth(IReadOnlyList<byte[]> leaves, int begin, int end)
    {
        int n = end - begin;
        if (n == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }

        if (n == 1)
        {
            return LeafHash(leaves[begin]);
        }

        int k = SplitPoint(n);
        return NodeHash(Mth(leaves, begin, begin + k), Mth(leaves, begin + k, end));
    }

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> leaves, int begin, int end)
    {
        int n = end - begin;
        if (n == 1)
        {
            return [];
        }

        int k = SplitPoint(n);
        if (m < k)
        {
            return [.. Path(m, leaves, begin, begin + k), Mth(leaves, begin + k, end)];
        }

        return [.. Path(m - k, leaves, begin + k, end), Mth(leaves, begin, begin + k)];
    }

    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> leaves, int n) => SubProof(m, leaves, 0, n, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> leaves, int begin, int end, bool b)
    {
        int n = end - begin;
        if (m == n)
        {
            return b ? [] : [Mth(leaves, begin, end)];
        }

        int k = SplitPoint(n);
        if (m <= k)
        {
            return [.. SubProof(m, leaves, begin, begin + k, b), Mth(leaves, begin + k, end)];
        }

        return [.. SubProof(m - k, leaves, begin + k, end, false), Mth(leaves, begin, begin + k)];
    }

    // "k is the largest power of two smaller than n (i.e., k < n <= 2k)".
    private static int SplitPoint(int n)
    {
        int k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
