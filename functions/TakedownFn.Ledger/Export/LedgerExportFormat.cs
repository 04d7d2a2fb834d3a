namespace TakedownFn.Ledger.Export;

/// <summary>
/// The offline audit export, a streamable JSON Lines file (UTF-8, one RFC 8785 canonical JSON
/// object per line, each line ending in "\n"):
/// <code>
/// {"format":"takedownfn-ledger-export","origin":"takedownfn.example/ledger/tenant-a","version":1}
/// {"index":0,"leaf":"&lt;base64 of leaf 0's bytes&gt;"}
/// {"index":1,"leaf":"&lt;base64 of leaf 1's bytes&gt;"}
/// ...
/// {"checkpoint":"&lt;the signed checkpoint note, JSON-escaped&gt;"}
/// </code>
/// Leaves appear in order with consecutive indexes from 0; the checkpoint is the last line, its
/// origin equals the header's and its tree size equals the number of leaves. Replaying the
/// leaves through RFC 6962 must give the checkpoint's root. An auditor needs only this file and
/// the log's public key.
/// </summary>
public static class LedgerExportFormat
{
    /// <summary>Value of the header's "format" member.</summary>
    public const string FormatName = "takedownfn-ledger-export";

    /// <summary>The only version this library reads and writes.</summary>
    public const int Version = 1;
}
