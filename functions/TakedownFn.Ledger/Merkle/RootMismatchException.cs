namespace TakedownFn.Ledger.Merkle;

/// <summary>
/// Verification recomputed a root that differs from the one it was asked to check. Carries both,
/// so an auditor can see which tree head the evidence actually leads to.
/// </summary>
public sealed class RootMismatchException : LedgerVerificationException
{
    public RootMismatchException(string label, byte[] expectedRoot, byte[] computedRoot)
        : base($"computed {label} {Convert.ToHexStringLower(computedRoot)} does not match expected {label} {Convert.ToHexStringLower(expectedRoot)}")
    {
        Label = label;
        ExpectedRoot = expectedRoot;
        ComputedRoot = computedRoot;
    }

    /// <summary>Which root failed: "root", "root1" or "root2".</summary>
    public string Label { get; }

    /// <summary>The root the caller supplied (from a checkpoint, an argument, a proof request).</summary>
    public byte[] ExpectedRoot { get; }

    /// <summary>The root recomputed from the leaf or proof.</summary>
    public byte[] ComputedRoot { get; }
}
