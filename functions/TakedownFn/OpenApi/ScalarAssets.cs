namespace TakedownFn.OpenApi;

/// <summary>
/// The reference UI's scripts as the Scalar.AspNetCore package ships them, embedded in its assembly
/// (the files its own endpoint serves on the standalone host), by file name. The package stores them
/// gzip-compressed: they are sent so to a client that accepts gzip, and decompressed for one that does not.
/// </summary>
internal static class ScalarAssets
{
    private const string Prefix = "ScalarStaticAssets.";

    private static readonly Lazy<Dictionary<string, Asset>> All = new(Load);

    public static Asset? Find(string name) => All.Value.GetValueOrDefault(name);

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(Scalar.AspNetCore.ScalarOptions).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[Prefix.Length..];
            var bytes = copy.ToArray();
            assets[name] = new Asset(bytes, bytes is [0x1f, 0x8b, ..], ContentType(name));
        }

        return assets;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    /// <summary>An embedded file: its bytes as stored (gzip when <paramref name="Gzipped"/>) and its media type.</summary>
    internal sealed record Asset(byte[] Stored, bool Gzipped, string ContentType)
    {
        private readonly Lazy<byte[]> plain = new(() => Gzipped ? Decompress(Stored) : Stored);

        public byte[] Plain => plain.Value;

        private static byte[] Decompress(byte[] gzipped)
        {
            using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzipped), System.IO.Compression.CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
    }
}
