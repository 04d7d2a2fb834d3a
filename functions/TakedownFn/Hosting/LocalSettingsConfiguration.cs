using System.Text.Json;

namespace TakedownFn.Hosting;

/// <summary>
/// Reads the <c>Values</c> of a Functions-style <c>local.settings.json</c> in the working directory
/// (the Functions host turns them into environment variables; a standalone run reads them here).
/// <c>__</c> in a name becomes a configuration section separator, as for environment variables.
/// </summary>
internal static class LocalSettingsConfiguration
{
    public const string FileName = "local.settings.json";

    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return configuration;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!json.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{path} has no \"Values\" object.");
        }

        var settings = values.EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), p => p.Value.ToString());
        return configuration.AddInMemoryCollection(settings!);
    }
}
