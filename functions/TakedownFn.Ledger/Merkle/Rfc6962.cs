using System.Security.Cryptography;

namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// RFC 6962 §2.1 Merkle tree hashing with SHA-256: leaves and interior nodes are hashed with
/// distinct one-byte prefixes so that a leaf can never be passed off as a node (second-preimage
/// resistance), and the empty tree's root is the hash of the empty string.
/// </summary>
public static class Rfc6962
{
    /// <summary>RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)).</summary>
    public const byte LeafHashPrefix = 0x00;

    /// <summary>RFC 6962 §2.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])).</summary>
    public const byte NodeHashPrefix = 0x01;

    /// <summary>Size in bytes of every hash in the tree (SHA-256).</summary>
    public const int HashSize = SHA256.HashSizeInBytes;

    // Leaves up to this size are prefixed on the stack; bigger ones go through a pooled buffer.
    private const int StackLeafLimit = 512;

    private static readonly byte[] EmptyRootBytes = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1).</summary>
    public static ReadOnlySpan<byte> EmptyRoot => EmptyRootBytes;

    /// <summary>Returns a fresh copy of the empty tree's root.</summary>
    public static byte[] EmptyRootHash() => (byte[])EmptyRootBytes.Clone();

    /// <summary>Writes SHA-256(0x00 || leaf) into <paramref name="destination"/>.</summary>
    public static void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        if (leaf.Length < StackLeafLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLeafLimit];
            buffer[0] = LeafHashPrefix;
            leaf.CopyTo(buffer[1..]);
            Sha256Scratch.Hash(buffer[..(leaf.Length + 1)], destination);
            return;
        }

        ReadOnlySpan<byte> prefix = [LeafHashPrefix];
        Sha256Scratch.Hash(prefix, leaf, destination);
    }

    /// <summary>Returns SHA-256(0x00 || leaf).</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> leaf)
    {
        var result = new byte[HashSize];
        HashLeaf(leaf, result);
        return result;
    }

    /// <summary>Writes SHA-256(0x01 || left || right) into <paramref name="destination"/>.</summary>
    /// <remarks><paramref name="destination"/> may overlap either input.</remarks>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != HashSize || right.Length != HashSize)
        {
            throw new ArgumentException($"child hashes are {left.Length} and {right.Length} bytes, want {HashSize}");
        }

        Span<byte> buffer = stackalloc byte[1 + HashSize + HashSize];
        buffer[0] = NodeHashPrefix;
        left.CopyTo(buffer.Slice(1, HashSize));
        right.CopyTo(buffer.Slice(1 + HashSize, HashSize));
        Sha256Scratch.Hash(buffer, destination);
    }

    /// <summary>Returns SHA-256(0x01 || left || right).</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[HashSize];
        HashChildren(left, right, result);
        return result;
    }
}
