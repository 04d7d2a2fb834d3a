using System.Reflection;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// The SLA data files shipped inside this assembly (<c>Sla/Data/*.json</c>, embedded with their
/// file name as the resource name).
/// </summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    /// <summary>Names of the embedded files starting with <paramref name="prefix"/>, e.g. <c>policy-pack.</c>.</summary>
    public static IReadOnlyList<string> FileNames(string prefix) =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The text of an embedded file.</summary>
    public static string Read(string fileName)
    {
        using var stream = Assembly.GetManifestResourceStream(fileName)
            ?? throw new FileNotFoundException($"no embedded SLA data file '{fileName}'", fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
