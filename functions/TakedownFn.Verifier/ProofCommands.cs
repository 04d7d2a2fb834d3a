using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Verifier;

/// <summary>The inclusion and consistency commands: all inputs on the command line.</summary>
internal static class ProofCommands
{
    public static string Inclusion(string[] args)
    {
        var a = new Arguments(args, ["leaf-hash", "index", "size", "root", "proof"]);
        long index = a.Number("index");
        long size = a.Number("size");
        MerkleVerifier.VerifyInclusion(index, size, a.Hex("leaf-hash"), a.HexList("proof"), a.Hex("root"));
        return $"leaf {index} is included in tree of size {size}";
    }

    public static string Consistency(string[] args)
    {
        var a = new Arguments(args, ["size1", "size2", "root1", "root2", "proof"]);
        long size1 = a.Number("size1");
        long size2 = a.Number("size2");
        MerkleVerifier.VerifyConsistency(size1, size2, a.Hex("root1"), a.Hex("root2"), a.HexList("proof"));
        return $"tree of size {size1} is consistent with tree of size {size2}";
    }
}
