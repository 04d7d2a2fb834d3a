using System.Globalization;

namespace TakedownFn.Storage.Ledger;

/// <summary>
/// The row layout of the ledger table. A tenant's whole log is one partition (PartitionKey =
/// tenant id), so that a batch of leaves, their event index rows and the advanced state row are
/// written by one entity group transaction: all of it is in the log, or none of it.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>state</c></term><description>the log's size, the compact range's subtree roots, the unfinished tile of each level and the last published checkpoint</description></item>
/// <item><term><c>L{index:D12}</c></term><description>leaf <c>index</c>: canonical leaf bytes, leaf hash, event id, and the tiles this leaf completes</description></item>
/// <item><term><c>E{eventId}</c></term><description>event id → leaf index, with a copy of the leaf bytes and hash (so a case's leaves are one point read each); inserted with the leaf, so an event is sequenced once. Rows written before the copy hold the index alone.</description></item>
/// </list>
/// Node hashes are stored in tiles of 256 (<see cref="LedgerTiles"/>), each on the leaf row that
/// completes it, so a proof over n leaves is at most ⌈log₂ n / 8⌉ + 1 point reads, made concurrently.
/// </remarks>
public static class LedgerRows
{
    /// <summary>The state row's key.</summary>
    public const string State = "state";

    /// <summary>Digits of a leaf row key: room for 10^12 leaves per tenant.</summary>
    public const int IndexDigits = 12;

    public static string Leaf(long index) => "L" + index.ToString("D12", CultureInfo.InvariantCulture);

    public static string Event(string eventId) => "E" + eventId;

    /// <summary>The event index row: the leaf index, and the leaf's bytes and hash as on its leaf row.</summary>
    internal static Azure.Data.Tables.TableEntity EventRow(string tenantId, string eventId, long index, byte[] leaf, byte[] leafHash) =>
        new(tenantId, Event(eventId)) { ["Index"] = index, ["Leaf"] = leaf, ["Hash"] = leafHash };

    /// <summary>The leaf index encoded in a leaf row key.</summary>
    public static long IndexOf(string rowKey) => long.Parse(rowKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
}
