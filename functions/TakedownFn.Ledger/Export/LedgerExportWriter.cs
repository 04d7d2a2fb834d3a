using System.Globalization;
using System.Text;
using TakedownFn.Ledger.Leaves;

namespace TakedownFn.Ledger.Export;

/// <summary>
/// Writes an export (see <see cref="LedgerExportFormat"/>) as it streams: header, then leaves in
/// index order, then the signed checkpoint. Refuses to write out of order.
/// </summary>
public sealed class LedgerExportWriter
{
    private readonly TextWriter output;
    private readonly string origin;
    private State state = State.Start;

    public LedgerExportWriter(TextWriter output, string origin)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        this.output = output;
        this.origin = origin;
    }

    private enum State
    {
        Start,
        Leaves,
        Done,
    }

    /// <summary>Number of leaves written so far, which is also the next leaf's index.</summary>
    public long LeafCount { get; private set; }

    /// <summary>Writes the header line; must come first.</summary>
    public async Task WriteHeaderAsync(CancellationToken cancellationToken = default)
    {
        Require(State.Start, "the header");
        var line = new StringBuilder("{\"format\":");
        JsonCanonicalizer.AppendString(line, LedgerExportFormat.FormatName);
        line.Append(",\"origin\":");
        JsonCanonicalizer.AppendString(line, origin);
        line.Append(",\"version\":").Append(LedgerExportFormat.Version).Append("}\n");
        await output.WriteAsync(line, cancellationToken);
        state = State.Leaves;
    }

    /// <summary>Writes the next leaf (its bytes as stored in the log).</summary>
    public async Task WriteLeafAsync(ReadOnlyMemory<byte> leaf, CancellationToken cancellationToken = default)
    {
        Require(State.Leaves, "a leaf");
        var line = new StringBuilder("{\"index\":")
            .Append(LeafCount.ToString(CultureInfo.InvariantCulture))
            .Append(",\"leaf\":\"")
            .Append(Convert.ToBase64String(leaf.Span))
            .Append("\"}\n");
        await output.WriteAsync(line, cancellationToken);
        LeafCount++;
    }

    /// <summary>Writes the signed checkpoint note covering exactly the leaves written; ends the export.</summary>
    public async Task WriteCheckpointAsync(string signedCheckpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        Require(State.Leaves, "the checkpoint");
        var line = new StringBuilder("{\"checkpoint\":");
        JsonCanonicalizer.AppendString(line, signedCheckpoint);
        line.Append("}\n");
        await output.WriteAsync(line, cancellationToken);
        await output.FlushAsync(cancellationToken);
        state = State.Done;
    }

    private void Require(State expected, string what)
    {
        if (state != expected)
        {
            throw new InvalidOperationException($"cannot write {what} now: the export is at {state}");
        }
    }
}
