using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// Serves node hashes from a tenant's leaf rows (see <see cref="LedgerRows"/>): each requested node
/// is one row, rows are read concurrently with only the hash columns, so a proof costs one round
/// trip of O(log n) point reads.
/// </summary>
internal sealed class TableMerkleNodeSource(ITableClient table, string tenantId) : IMerkleNodeSource
{
    private static readonly string[] HashColumns = ["Hash", "Nodes"];

    public async ValueTask<IReadOnlyList<byte[]>> GetNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var rows = nodes.Select(n => LedgerRows.LeafHoldingNode(n.Level, n.Index)).Distinct().ToList();
        var entities = await Task.WhenAll(rows.Select(row => table.GetEntityIfExistsAsync(tenantId, LedgerRows.Leaf(row), HashColumns, cancellationToken)));
        var byRow = new Dictionary<long, TableEntity>();
        for (int i = 0; i < rows.Count; i++)
        {
            byRow[rows[i]] = entities[i] ?? throw new InvalidOperationException($"leaf row {rows[i]} of the log is missing");
        }

        var hashes = new byte[nodes.Count][];
        for (int i = 0; i < nodes.Count; i++)
        {
            hashes[i] = NodeHash(byRow[LedgerRows.LeafHoldingNode(nodes[i].Level, nodes[i].Index)], nodes[i]);
        }

        return hashes;
    }

    private static byte[] NodeHash(TableEntity row, NodeId node)
    {
        if (node.Level == 0)
        {
            return row.GetBinary("Hash") ?? throw new InvalidOperationException($"leaf row {node.Index} has no leaf hash");
        }

        var stored = row.GetBinary("Nodes") ?? [];
        int offset = (node.Level - 1) * Rfc6962.HashSize;
        return stored.Length >= offset + Rfc6962.HashSize
            ? stored.AsSpan(offset, Rfc6962.HashSize).ToArray()
            : throw new InvalidOperationException($"node {node} is missing from leaf row {LedgerRows.LeafHoldingNode(node.Level, node.Index)}");
    }
}
