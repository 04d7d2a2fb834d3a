namespace TakedownFn.Ledger.Merkle;

/// <summary>Preconditions shared by the verifiers, with the messages auditors see.</summary>
internal static class HashChecks
{
    public static void RequireHashSize(ReadOnlySpan<byte> hash, string name)
    {
        if (hash.Length != Rfc6962.HashSize)
        {
            throw new LedgerVerificationException($"{name} is {hash.Length} bytes, want {Rfc6962.HashSize}");
        }
    }

    public static void RequireProofHashes(IReadOnlyList<byte[]> proof)
    {
        for (int i = 0; i < proof.Count; i++)
        {
            RequireHashSize(proof[i], $"proof[{i}]");
        }
    }

    public static void RequireProofLength(IReadOnlyList<byte[]> proof, int want)
    {
        if (proof.Count != want)
        {
            throw new LedgerVerificationException($"proof has {proof.Count} hashes, want {want}");
        }
    }
}
