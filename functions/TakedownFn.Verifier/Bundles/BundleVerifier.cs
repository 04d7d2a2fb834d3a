using System.Text.Json.Nodes;
using TakedownFn.Domain.Evidence;
using TakedownFn.Ledger;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Verifier.Bundles;

/// <summary>
/// Checks an evidence bundle without trusting the service: the checkpoint's signature, every step's
/// leaf and inclusion proof, that each step's details open its leaf's digest, that the case's facts
/// and each stage's deadline and completion are the ones the leaves bound at the time, each stage's
/// outcome and margin recomputed (see <c>BundleVerifier.Stages.cs</c>), and last the bundle's own
/// signature. The first difference found is thrown, naming the field.
/// </summary>
internal static partial class BundleVerifier
{
    /// <summary>Returns a one-line verdict, or throws <see cref="LedgerVerificationException"/> with the first reason the bundle is invalid.</summary>
    public static string Verify(EvidenceBundle bundle, JsonObject document, CheckpointVerifier keys)
    {
        if (bundle.Format != EvidenceBundle.CurrentFormat)
        {
            throw new LedgerVerificationException($"format \"{bundle.Format}\" is not {EvidenceBundle.CurrentFormat}");
        }

        var checkpoint = keys.Verify(bundle.Checkpoint.Note, bundle.Origin);
        if (checkpoint.TreeSize != bundle.Checkpoint.TreeSize || Convert.ToHexStringLower(checkpoint.RootHash) != bundle.Checkpoint.RootHash)
        {
            throw new LedgerVerificationException("checkpoint.treeSize or checkpoint.rootHash differs from the signed checkpoint note");
        }

        var leaves = CheckSteps(bundle, checkpoint);
        CheckCase(bundle, leaves);
        CheckStages(bundle, leaves);
        var recomputed = Recompute(bundle);
        CheckRecords(bundle);
        if (bundle.Signature is null)
        {
            throw new LedgerVerificationException("signature is missing");
        }

        SignedJson.Verify(keys, bundle.Signature, document, "evidence-bundle " + bundle.Case.CaseId);
        int unbound = leaves.Count(l => l.Version == LedgerLeaf.Version1);
        return $"bundle for case {bundle.Case.CaseId}: {bundle.Steps.Count} steps proven against checkpoint {checkpoint.TreeSize} (root {bundle.Checkpoint.RootHash}), "
            + $"{recomputed} stage outcomes recomputed, signed by a trusted key"
            + (unbound > 0 ? $"; {unbound} steps are in version 1 leaves, which do not bind their details" : string.Empty);
    }

    /// <summary>Each step's leaf: its hash, its proof to the checkpoint, and that it records this step of this case.</summary>
    private static List<LedgerLeaf> CheckSteps(EvidenceBundle bundle, Checkpoint checkpoint)
    {
        var leaves = new List<LedgerLeaf>(bundle.Steps.Count);
        long previousIndex = -1;
        for (int i = 0; i < bundle.Steps.Count; i++)
        {
            var step = bundle.Steps[i];
            var name = $"steps[{i}] ({step.EventId})";
            if (step.Sequence != i + 1)
            {
                throw new LedgerVerificationException($"{name} has sequence {step.Sequence} where {i + 1} is due: a step is missing or out of order");
            }

            byte[] bytes;
            byte[] hash;
            try
            {
                bytes = Convert.FromBase64String(step.Leaf.Data);
                hash = Convert.FromHexString(step.Leaf.Hash);
            }
            catch (FormatException)
            {
                throw new LedgerVerificationException($"{name} leaf.data is not base64 or leaf.hash is not hex");
            }

            if (!Rfc6962.HashLeaf(bytes).AsSpan().SequenceEqual(hash))
            {
                throw new LedgerVerificationException($"{name} leaf.hash is not the hash of leaf.data");
            }

            var leaf = LedgerLeaf.FromCanonicalBytes(bytes);
            Expect(leaf.CaseId, bundle.Case.CaseId, $"{name} leaf belongs to case {leaf.CaseId}, not case.caseId {bundle.Case.CaseId}");
            Expect(leaf.EventId, step.EventId, $"{name} eventId differs from the event its leaf records ({leaf.EventId})");
            Expect(leaf.EventType, step.Kind, $"{name} kind \"{step.Kind}\" differs from the kind its leaf records (\"{leaf.EventType}\")");
            if (leaf.ServerTime != step.RecordedAt)
            {
                throw new LedgerVerificationException($"{name} recordedAt {step.RecordedAt:O} differs from the time its leaf records ({leaf.ServerTime:O})");
            }

            if (leaf.DetailsDigest is { } digest && DetailsDigest.Compute(step.DetailsSalt, step.Details) != digest)
            {
                throw new LedgerVerificationException($"{name} details (or detailsSalt) do not match the digest its leaf records");
            }

            if (bundle.Policy is { } policy && leaf.PolicyVersion != "none" && leaf.PolicyVersion != policy.Id)
            {
                throw new LedgerVerificationException($"policy.id \"{policy.Id}\" differs from the policy {name}'s leaf records (\"{leaf.PolicyVersion}\")");
            }

            if (step.Leaf.Index <= previousIndex)
            {
                throw new LedgerVerificationException($"{name} leaf.index {step.Leaf.Index} is not after the previous step's {previousIndex}: steps are out of order");
            }

            previousIndex = step.Leaf.Index;
            try
            {
                MerkleVerifier.VerifyInclusion(step.Leaf.Index, checkpoint.TreeSize, hash, [.. step.Leaf.Proof.Select(Convert.FromHexString)], checkpoint.RootHash);
            }
            catch (Exception ex) when (ex is LedgerVerificationException or ArgumentException or FormatException)
            {
                throw new LedgerVerificationException($"{name} leaf.proof does not prove the leaf in the checkpoint: {ex.Message}", ex);
            }

            leaves.Add(leaf);
        }

        return leaves;
    }

    /// <summary>The case's regime, category, severity, state and validation against the facts bound with its last step.</summary>
    private static void CheckCase(EvidenceBundle bundle, List<LedgerLeaf> leaves)
    {
        var c = bundle.Case;
        if (c.StepCount != bundle.Steps.Count)
        {
            throw new LedgerVerificationException($"case.stepCount {c.StepCount} differs from the {bundle.Steps.Count} steps in the bundle: a step is missing");
        }

        if (LastFacts(leaves) is not { } facts)
        {
            return;
        }

        Expect(c.Regime, facts.Regime, $"case.regime \"{c.Regime}\" differs from the regime the leaves bind (\"{facts.Regime}\")");
        Expect(c.Category, facts.Category, $"case.category \"{c.Category}\" differs from the category the leaves bind (\"{facts.Category}\")");
        Expect(c.Severity ?? "", facts.Severity ?? "", $"case.severity \"{c.Severity}\" differs from the severity the leaves bind (\"{facts.Severity}\")");
        Expect(c.State, facts.State, $"case.state \"{c.State}\" differs from the state the leaves bind (\"{facts.State}\")");
        Expect(bundle.Validation.Result, facts.Validation, $"validation.result \"{bundle.Validation.Result}\" differs from the validation the leaves bind (\"{facts.Validation}\")");
        if (bundle.Policy is { } policy && (policy.Resolved.Regime != c.Regime || policy.Resolved.Category != c.Category))
        {
            throw new LedgerVerificationException("policy.resolved is for another regime or category than the case");
        }
    }

    private static LeafFacts? LastFacts(List<LedgerLeaf> leaves) => leaves.LastOrDefault(l => l.Facts is not null)?.Facts;

    private static void Expect(string actual, string expected, string reason)
    {
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new LedgerVerificationException(reason);
        }
    }
}
