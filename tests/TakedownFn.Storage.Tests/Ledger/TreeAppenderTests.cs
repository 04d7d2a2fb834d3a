using System.Security.Cryptography;
using TakedownFn.Ledger.Merkle;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.Storage.Tests.Ledger;

/// <summary>
/// The tiles the sequencer stores, against a plain in-memory tree: past two level-1 tiles
/// (2 · 65,536 leaves), so every kind of tile, complete and unfinished, is checked.
/// </summary>
public sealed class TreeAppenderTests
{
    private const int Size = (2 * 65_536) + 300;

    private static readonly Lazy<(InMemoryMerkleTree Tree, Dictionary<(int Level, long Tile), byte[]> Tiles, LedgerState State)> Built = new(() =>
    {
        var tree = new InMemoryMerkleTree();
        var appender = TreeAppender.Restore(LedgerState.Empty);
        var tiles = new Dictionary<(int Level, long Tile), byte[]>();
        for (long i = 0; i < Size; i++)
        {
            var leafHash = LeafHash(i);
            tree.AppendLeafHash(leafHash);
            var completed = appender.Append(leafHash);
            Assert.Equal(LedgerTiles.CompletedBy(i) * LedgerTiles.Bytes, completed.Length);
            for (int level = 0; level < LedgerTiles.CompletedBy(i); level++)
            {
                long tile = i >> (LedgerTiles.Height * (level + 1));
                Assert.Equal(i, LedgerTiles.RowHolding(level, tile));
                tiles.Add((level, tile), completed[(level * LedgerTiles.Bytes)..((level + 1) * LedgerTiles.Bytes)]);
            }
        }

        return (tree, tiles, appender.ApplyTo(LedgerState.Empty));
    });

    [Fact]
    public void CompleteTiles_HoldTheNodesOfTheirLevel()
    {
        var (tree, tiles, _) = Built.Value;

        Assert.Equal((Size / 256) + 2, tiles.Count);
        foreach (var ((level, tile), bytes) in tiles)
        {
            for (int e = 0; e < LedgerTiles.Width; e++)
            {
                Assert.Equal(tree.GetNodeHash(new NodeId(LedgerTiles.Height * level, (tile * LedgerTiles.Width) + e)), bytes[(e * 32)..((e + 1) * 32)]);
            }
        }
    }

    [Fact]
    public void State_HoldsTheUnfinishedTileOfEachLevelAndTheRoot()
    {
        var (tree, _, state) = Built.Value;

        Assert.Equal((Size, 44 + 1 + 2), (state.Size, state.Tiles.Length / 32));
        Assert.Equal(tree.GetRoot(), state.ToRange().GetRoot());
        for (int level = 0; level < LedgerTiles.Levels(Size); level++)
        {
            var tile = LedgerTiles.Partial(state.Tiles, Size, level).ToArray();
            for (int e = 0; e < tile.Length / 32; e++)
            {
                var node = new NodeId(LedgerTiles.Height * level, (LedgerTiles.PartialTile(Size, level) * LedgerTiles.Width) + e);
                Assert.Equal(tree.GetNodeHash(node), tile[(e * 32)..((e + 1) * 32)]);
            }
        }
    }

    [Fact]
    public void Restored_ContinuesExactlyAsIfNeverStopped()
    {
        var appender = TreeAppender.Restore(LedgerState.Empty);
        for (long i = 0; i < 65_530; i++)
        {
            appender.Append(LeafHash(i));
        }

        var restored = TreeAppender.Restore(appender.ApplyTo(LedgerState.Empty));
        var tiles = new List<byte>();
        for (long i = 65_530; i < 70_000; i++)
        {
            tiles.AddRange(restored.Append(LeafHash(i)));
        }

        // Tiles (0, 255) and (1, 0) at leaf 65,535, then (0, 256) … (0, 272).
        var (tree, built, _) = Built.Value;
        var expected = new[] { built[(0, 255)], built[(1, 0)] }.Concat(Enumerable.Range(256, 17).Select(k => built[(0, k)])).SelectMany(t => t);
        Assert.Equal(expected, tiles);
        Assert.Equal(tree.GetRoot(70_000), restored.ApplyTo(LedgerState.Empty).ToRange().GetRoot());
    }

    [Fact]
    public void Restore_StateWithTilesOfTheWrongLength_Throws()
    {
        var appender = TreeAppender.Restore(LedgerState.Empty);
        for (long i = 0; i < 3; i++)
        {
            appender.Append(LeafHash(i));
        }

        var state = appender.ApplyTo(LedgerState.Empty) with { Tiles = new byte[64] };

        var e = Assert.Throws<InvalidOperationException>(() => TreeAppender.Restore(state));

        Assert.Equal("the state row holds 64 bytes of unfinished tiles, a log of 3 leaves has 96", e.Message);
    }

    [Theory]
    [InlineData((35 * 32) + 7, "the state row's unfinished tile (0, 513): entries 32 to 39 do not hash to the compact range's root at level 3")]
    [InlineData((44 * 32) + 31, "the state row's unfinished tile (1, 2): entries 0 to 0 do not hash to the compact range's root at level 8")]
    [InlineData((46 * 32) + 1, "the state row's unfinished tile (2, 0): entries 0 to 1 do not hash to the compact range's root at level 17")]
    public void Restore_StateWithAnAlteredTileEntry_Throws(int offset, string message)
    {
        // 131,372 leaves: tile (0, 513) holds 44 entries (runs of 32, 8, 4), (1, 2) one, (2, 0) two.
        var state = Built.Value.State;
        var tiles = (byte[])state.Tiles.Clone();
        tiles[offset] ^= 1;

        var e = Assert.Throws<InvalidOperationException>(() => TreeAppender.Restore(state with { Tiles = tiles }));

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 131_371)]
    [InlineData(3, 5)]
    [InlineData(7, 511)]
    [InlineData(8, 0)]
    [InlineData(8, 512)]
    [InlineData(12, 31)]
    [InlineData(15, 3)]
    [InlineData(16, 1)]
    [InlineData(17, 0)]
    public void NodeHash_FromItsTile_IsTheNodeOfTheTree(int level, long index)
    {
        var (tree, tiles, state) = Built.Value;
        var node = new NodeId(level, index);
        var (tileLevel, tile, _, _) = LedgerTiles.Locate(node);
        var bytes = tiles.TryGetValue((tileLevel, tile), out var complete) ? complete : LedgerTiles.Partial(state.Tiles, Size, tileLevel).ToArray();

        Assert.Equal(tree.GetNodeHash(node), LedgerTiles.NodeHash(bytes, node));
    }

    private static byte[] LeafHash(long i) => SHA256.HashData(BitConverter.GetBytes(i));
}
