using System.Text.Json;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace TakedownFn.Hosting;

/// <summary>
/// Reads the <c>Values</c> of a Functions-style <c>local.settings.json</c> in the working directory
/// (the Functions host turns them into environment variables; a standalone run reads them here).
/// <c>__</c> in a name becomes a configuration section separator, as for environment variables.
/// The file ranks below environment variables and the command line, as under Core Tools (which only
/// sets a value from the file when the environment lacks it): it goes in just before the first of
/// those sources, so an <c>AzureWebJobsStorage</c> in the environment wins over the file's.
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
        var source = new MemoryConfigurationSource { InitialData = settings! };
        var sources = configuration.Sources;
        // Host-level sources come first (DOTNET_-prefixed variables, an early copy of the command
        // line); the file belongs above appsettings.json, just below the unprefixed environment.
        var list = sources.ToList();
        var index = list.FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (index < 0)
        {
            index = list.FindLastIndex(s => s is CommandLineConfigurationSource);
        }

        sources.Insert(index < 0 ? sources.Count : index, source);
        return configuration;
    }
}
