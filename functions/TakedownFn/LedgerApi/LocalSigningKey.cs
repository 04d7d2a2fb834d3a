using TakedownFn.Ledger.Checkpoints;

namespace TakedownFn.LedgerApi;

/// <summary>The local-run signing key: generated on first start, then reused from its file.</summary>
internal static class LocalSigningKey
{
    public static string LoadOrCreate(string path) => LoadOrCreate(path, () => LedgerKeyPair.Generate().PrivateKeyPem);

    /// <summary>A local-run key of any kind: <paramref name="create"/> makes it once, the file keeps it.</summary>
    public static string LoadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, create());
        try
        {
            // No overwrite: when two processes start at once, the first key written wins for both.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
