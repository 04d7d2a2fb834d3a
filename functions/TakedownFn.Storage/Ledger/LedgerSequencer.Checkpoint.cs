using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using TakedownFn.Ledger;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Storage.Ledger;

public sealed partial class LedgerSequencer
{
    /// <summary>The append blob holding every checkpoint the tenant's log published, in order.</summary>
    public static string CheckpointsBlobName(string tenantId) => $"{tenantId}/checkpoints";

    /// <summary>
    /// Publishes a checkpoint of the committed log when it grew since the last one and the
    /// interval has passed (or <paramref name="force"/>). Before signing, the new tree is proven
    /// from storage: the root rebuilt from stored nodes must equal the state's compact range, and
    /// a consistency proof read from storage must verify against the previous signed checkpoint.
    /// If not, nothing is published and an alarm is logged.
    /// </summary>
    internal async Task<Checkpoint?> PublishCheckpointAsync(string tenantId, LedgerState state, bool force, CancellationToken cancellationToken)
    {
        if (state.Size == 0 || state.Size <= state.CheckpointSize)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!force && state.CheckpointAt is { } last && now - last < options.CheckpointInterval)
        {
            return null;
        }

        var root = state.ToRange().GetRoot();
        try
        {
            await ProveAsync(tenantId, state, root, cancellationToken);
        }
        catch (LedgerVerificationException e)
        {
            LogCheckpointRefused(logger, tenantId, state.Size, e.Message);
            return null;
        }
        catch (InvalidOperationException e)
        {
            LogCheckpointRefused(logger, tenantId, state.Size, e.Message);
            return null;
        }

        var checkpoint = new Checkpoint(keys.Origin(tenantId), state.Size, root);
        string signed;
        using (var signer = keys.CreateSigner(tenantId))
        {
            signed = new CheckpointSigner(signer).Sign(checkpoint);
        }

        // Blob first: a crash before the state row is updated leaves an extra, valid checkpoint
        // in the blob, never a published checkpoint missing from it.
        await AppendToBlobAsync(tenantId, signed, cancellationToken);
        await FaultAsync("before-checkpoint-state", cancellationToken);
        var next = state with { CheckpointSize = state.Size, Checkpoint = signed, CheckpointAt = now };
        try
        {
            await store.Table.UpdateEntityAsync(next.ToEntity(tenantId), state.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            LogLostRace(logger, tenantId, state.Size);
            return null;
        }

        LogPublished(logger, tenantId, state.Size);
        return checkpoint;
    }

    private async Task ProveAsync(string tenantId, LedgerState state, byte[] root, CancellationToken cancellationToken)
    {
        var stored = await store.RootAsync(tenantId, state.Size, cancellationToken);
        if (!stored.AsSpan().SequenceEqual(root))
        {
            throw new RootMismatchException("root", root, stored);
        }

        if (state.Checkpoint is null || state.CheckpointSize == 0)
        {
            return;
        }

        var previous = keys.Verifier(tenantId).Verify(state.Checkpoint, keys.Origin(tenantId));
        if (previous.TreeSize != state.CheckpointSize)
        {
            throw new LedgerVerificationException($"the state row says the last checkpoint has size {state.CheckpointSize}, its note says {previous.TreeSize}");
        }

        var proof = await store.ConsistencyProofAsync(tenantId, previous.TreeSize, state.Size, cancellationToken);
        MerkleVerifier.VerifyConsistency(previous.TreeSize, state.Size, previous.RootHash, root, proof);
    }

    private async Task AppendToBlobAsync(string tenantId, string signed, CancellationToken cancellationToken)
    {
        var blob = container.GetAppendBlobClient(CheckpointsBlobName(tenantId));
        var content = BinaryData.FromBytes(Encoding.UTF8.GetBytes(signed));
        try
        {
            await blob.AppendBlockAsync(content.ToStream(), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            try
            {
                await blob.CreateAsync(new AppendBlobCreateOptions { Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            }
            catch (RequestFailedException created) when (created.Status is 409 or 412)
            {
                // Created meanwhile by another instance.
            }

            await blob.AppendBlockAsync(content.ToStream(), cancellationToken: cancellationToken);
        }
    }
}
