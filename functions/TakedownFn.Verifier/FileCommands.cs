using System.Security.Cryptography;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Export;

namespace TakedownFn.Verifier;

/// <summary>The checkpoint and export commands: evidence and keys read from files.</summary>
internal static class FileCommands
{
    public static string Checkpoint(string[] args)
    {
        var a = new Arguments(args, ["file", "key", "key-name"]);
        var note = ReadBytes(a.Text("file"));
        string keyPem = ReadText(a.Text("key"));
        string? keyName = a.Optional("key-name");

        // The origin only names the key to match on signature lines; trust comes from the key
        // itself. Parsing the note first reports a malformed file as such, before any key use.
        string origin = SignedNote.Parse(System.Text.Encoding.UTF8.GetString(note)).Text.Split('\n')[0];
        var checkpoint = Verifier(keyName ?? origin, keyPem).Verify(note);
        return $"checkpoint {checkpoint.Origin} size {checkpoint.TreeSize} root {Convert.ToHexStringLower(checkpoint.RootHash)} is signed by a trusted key";
    }

    public static async Task<string> ExportAsync(string[] args)
    {
        var a = new Arguments(args, ["file", "key", "key-name"]);
        string path = a.Text("file");
        string keyPem = ReadText(a.Text("key"));
        string? keyName = a.Optional("key-name");
        using var reader = Open(path);
        Ledger.Checkpoints.Checkpoint checkpoint;
        try
        {
            checkpoint = await LedgerExportReplay.VerifyAsync(reader, origin => Verifier(keyName ?? origin, keyPem));
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new Ledger.LedgerVerificationException("export is not valid UTF-8");
        }

        return $"export of {checkpoint.Origin} replays {checkpoint.TreeSize} leaves to root {Convert.ToHexStringLower(checkpoint.RootHash)} signed by a trusted key";
    }

    internal static CheckpointVerifier Verifier(string keyName, string pem)
    {
        try
        {
            return new CheckpointVerifier(NoteVerifierKey.FromPem(keyName, pem));
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            throw new UsageException($"key file cannot be used: {ex.Message}");
        }
    }

    private static byte[] ReadBytes(string path) => Guard(path, () => File.ReadAllBytes(path));

    internal static string ReadText(string path) => Guard(path, () => File.ReadAllText(path));

    private static StreamReader Open(string path) => Guard(path, () => new StreamReader(path, new System.Text.UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false));

    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }
    }
}
