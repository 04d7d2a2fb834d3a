namespace TakedownFn.LedgerApi;

internal sealed record CheckpointView(string Origin, long TreeSize, string RootHash, string Checkpoint, DateTimeOffset? PublishedAt);

internal sealed record KeyView(string KeyId, string NoteVerifierKey, string PublicKeyPem, bool Signing);

internal sealed record KeysView(string Origin, IReadOnlyList<KeyView> Keys, string PublicKeysPem);

internal sealed record InclusionView(long Index, long TreeSize, string EventId, string Leaf, string LeafHash, string RootHash, IReadOnlyList<string> Proof);

internal sealed record ConsistencyView(long From, long To, string FromRootHash, string ToRootHash, IReadOnlyList<string> Proof);

internal sealed record LeafView(long Index, string EventId, string Leaf, string LeafHash);

internal sealed record LeavesView(long Start, long TreeSize, IReadOnlyList<LeafView> Leaves);
