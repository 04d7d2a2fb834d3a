using System.Text.Json;

namespace TakedownFn.Ledger.Export;

/// <summary>One line of an export after the header: a leaf or the checkpoint.</summary>
/// <param name="LineNumber">1-based line number in the file, for error messages.</param>
/// <param name="Index">The leaf's index; -1 for the checkpoint line.</param>
/// <param name="Leaf">The leaf's bytes; empty for the checkpoint line.</param>
/// <param name="Checkpoint">The signed checkpoint note; null for leaf lines.</param>
public sealed record LedgerExportRecord(long LineNumber, long Index, byte[] Leaf, string? Checkpoint);

/// <summary>
/// Reads an export line by line (see <see cref="LedgerExportFormat"/>), so exports of any size
/// replay in constant memory. Checks each line's shape; ordering and the root are checked by
/// <see cref="LedgerExportReplay"/>.
/// </summary>
public sealed class LedgerExportReader(TextReader input)
{
    private readonly TextReader input = input ?? throw new ArgumentNullException(nameof(input));
    private long lineNumber;

    /// <summary>Reads the header line and returns the log's origin.</summary>
    public async Task<string> ReadHeaderAsync(CancellationToken cancellationToken = default)
    {
        var line = await input.ReadLineAsync(cancellationToken) ?? throw new LedgerVerificationException("export is empty");
        lineNumber++;
        using var document = Parse(line);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != LedgerExportFormat.FormatName)
        {
            throw Error($"not a {LedgerExportFormat.FormatName} header");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number) || number != LedgerExportFormat.Version)
        {
            throw Error($"unsupported export version (this verifier reads version {LedgerExportFormat.Version})");
        }

        if (!root.TryGetProperty("origin", out var origin) || origin.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(origin.GetString()))
        {
            throw Error("header has no origin");
        }

        return origin.GetString()!;
    }

    /// <summary>Reads the next leaf or checkpoint line; null at the end of the file.</summary>
    public async Task<LedgerExportRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var line = await input.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        lineNumber++;
        using var document = Parse(line);
        var root = document.RootElement;
        if (root.TryGetProperty("checkpoint", out var checkpoint))
        {
            if (checkpoint.ValueKind != JsonValueKind.String || root.EnumerateObject().Count() != 1)
            {
                throw Error("checkpoint line must be {\"checkpoint\":\"<signed note>\"}");
            }

            return new LedgerExportRecord(lineNumber, -1, [], checkpoint.GetString());
        }

        if (!root.TryGetProperty("index", out var index) || !index.TryGetInt64(out long value) || value < 0
            || !root.TryGetProperty("leaf", out var leaf) || leaf.ValueKind != JsonValueKind.String
            || root.EnumerateObject().Count() != 2)
        {
            throw Error("leaf line must be {\"index\":<n>,\"leaf\":\"<base64>\"}");
        }

        if (!leaf.TryGetBytesFromBase64(out var bytes))
        {
            throw Error($"leaf {value} is not valid base64");
        }

        return new LedgerExportRecord(lineNumber, value, bytes, null);
    }

    private JsonDocument Parse(string line)
    {
        try
        {
            var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw Error("not a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw Error($"not valid JSON ({ex.Message})");
        }
    }

    private LedgerVerificationException Error(string message) => new($"line {lineNumber}: {message}");
}
