using System.Collections.Frozen;

namespace TakedownFn.Dashboard;

/// <summary>
/// The dashboard's files, embedded in the assembly at build (Dashboard.targets): its own
/// wwwroot/ and the pinned Chart.js from node_modules. Read once; each answer is the stored bytes.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, Asset>> Files = new(Load);

    /// <summary>Every file path (relative to the dashboard's root, e.g. <c>app.js</c>, <c>vendor/chart.umd.min.js</c>).</summary>
    public static IEnumerable<string> Paths => Files.Value.Keys;

    /// <summary>The file at <paramref name="path"/> (empty: the page), or null.</summary>
    public static Asset? Find(string? path) =>
        Files.Value.TryGetValue(string.IsNullOrEmpty(path) ? "index.html" : path, out var asset) ? asset : null;

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = name[Prefix.Length..].Replace('\\', '/');
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            files[path] = new Asset(buffer.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>One embedded file and its media type.</summary>
internal sealed record Asset(byte[] Content, string ContentType);
