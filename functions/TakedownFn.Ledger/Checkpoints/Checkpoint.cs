using System.Globalization;
using System.Text;
using TakedownFn.Ledger.Merkle;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>
/// A log's tree head as c2sp.org/tlog-checkpoint note text: origin line, tree size in decimal,
/// base64 RFC 6962 root hash, then optional extension lines.
/// </summary>
public sealed class Checkpoint
{
    /// <summary>Creates a checkpoint; the origin must be a single non-empty line.</summary>
    public Checkpoint(string origin, long treeSize, byte[] rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(rootHash);
        if (origin.Length == 0 || origin.Any(char.IsControl))
        {
            throw new ArgumentException("origin must be non-empty and contain no control characters", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (rootHash.Length != Rfc6962.HashSize)
        {
            throw new ArgumentException($"root hash is {rootHash.Length} bytes, want {Rfc6962.HashSize}", nameof(rootHash));
        }

        extensions ??= [];
        if (extensions.Any(e => e.Length == 0 || e.Any(char.IsControl)))
        {
            throw new ArgumentException("extension lines must be non-empty and contain no control characters", nameof(extensions));
        }

        Origin = origin;
        TreeSize = treeSize;
        RootHash = rootHash;
        Extensions = extensions;
    }

    /// <summary>The log's identity, e.g. takedownfn.example/ledger/{tenantId}.</summary>
    public string Origin { get; }

    /// <summary>Number of leaves in the tree.</summary>
    public long TreeSize { get; }

    /// <summary>RFC 6962 root of the tree at <see cref="TreeSize"/>.</summary>
    public byte[] RootHash { get; }

    /// <summary>Opaque extension lines (tlog-checkpoint: optional, not recommended).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text: every line terminated by a newline.</summary>
    public string ToNoteText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            text.Append(extension).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Parses checkpoint note text; throws <see cref="LedgerVerificationException"/> with the reason.</summary>
    public static Checkpoint ParseNoteText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new LedgerVerificationException("checkpoint text does not end with a newline");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new LedgerVerificationException($"checkpoint has {lines.Length} lines, want at least 3 (origin, tree size, root hash)");
        }

        if (lines[0].Length == 0)
        {
            throw new LedgerVerificationException("checkpoint origin line is empty");
        }

        return new Checkpoint(lines[0], ParseTreeSize(lines[1]), ParseRootHash(lines[2]), ParseExtensions(lines));
    }

    private static long ParseTreeSize(string line)
    {
        // tlog-checkpoint: ASCII decimal with no leading zeroes (unless the tree is empty).
        bool digitsOnly = line.Length > 0 && line.All(char.IsAsciiDigit);
        if (!digitsOnly || (line.Length > 1 && line[0] == '0'))
        {
            throw new LedgerVerificationException($"checkpoint tree size \"{Clip(line)}\" is not a decimal number without leading zeros");
        }

        if (!long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            throw new LedgerVerificationException($"checkpoint tree size {Clip(line)} is too large");
        }

        return size;
    }

    private static byte[] ParseRootHash(string line)
    {
        var buffer = new byte[line.Length];
        if (line.Length == 0 || line.Contains(' ', StringComparison.Ordinal) || !Convert.TryFromBase64String(line, buffer, out int length))
        {
            throw new LedgerVerificationException($"checkpoint root hash \"{Clip(line)}\" is not valid base64");
        }

        if (length != Rfc6962.HashSize)
        {
            throw new LedgerVerificationException($"checkpoint root hash is {length} bytes, want {Rfc6962.HashSize}");
        }

        return buffer[..length];
    }

    private static string[] ParseExtensions(string[] lines)
    {
        for (int i = 3; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                throw new LedgerVerificationException($"checkpoint line {i + 1} is empty");
            }
        }

        return lines[3..];
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
