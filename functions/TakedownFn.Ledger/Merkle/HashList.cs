namespace TakedownFn.Ledger.Merkle;

/// <summary>A growable run of 32-byte hashes in one array, so a level of a tree is one object.</summary>
internal sealed class HashList
{
    private byte[] buffer = new byte[16 * Rfc6962.HashSize];

    public long Count { get; private set; }

    public ReadOnlySpan<byte> this[long index] => buffer.AsSpan(checked((int)(index * Rfc6962.HashSize)), Rfc6962.HashSize);

    public void Add(ReadOnlySpan<byte> hash)
    {
        long needed = (Count + 1) * Rfc6962.HashSize;
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * buffer.Length)));
        }

        hash.CopyTo(buffer.AsSpan(checked((int)(Count * Rfc6962.HashSize)), Rfc6962.HashSize));
        Count++;
    }
}
