using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TakedownFn.Functions;
using TakedownFn.Hosting;
using TakedownFn.Telemetry;

namespace TakedownFn.Tests.Infra;

/// <summary>
/// Finds the settings the app reads by registering it as a host does, over a configuration source
/// that records every key looked up, then creating every service of the app (so that settings read
/// lazily are looked up too). Only the app's and the Functions platform's names are kept (framework
/// keys such as <c>Logging:*</c> are not app settings).
/// </summary>
public static class AppSettingsProbe
{
    private static readonly string[] AppNamespaces = ["TakedownFn__", "AzureWebJobs", "APPLICATIONINSIGHTS_", "FUNCTIONS_", "WEBSITE_"];

    /// <summary>The settings read by the standalone host (pumps included) or the isolated worker, given these values.</summary>
    public static IReadOnlySet<string> SettingsRead(IReadOnlyDictionary<string, string?> values, bool functionsWorker)
    {
        var contentRoot = Directory.CreateTempSubdirectory("takedownfn-settings").FullName;
        try
        {
            // No defaults: the test process's environment variables must not leak in.
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
            builder.Configuration.AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)));
            var recorder = new RecordingSource();
            ((IConfigurationBuilder)builder.Configuration).Add(recorder);
            builder.AddTakedownApp();
            builder.AddTakedownTelemetry(functionsWorker);
            if (!functionsWorker)
            {
                builder.AddFunctionPumps();
            }

            using (var host = builder.Build())
            {
                var app = typeof(WorkerApp).Assembly;
                foreach (var type in builder.Services.Select(d => d.ServiceType).Where(t => !t.IsGenericTypeDefinition && (t.Assembly == app || t == typeof(IHostedService))).Distinct())
                {
                    _ = host.Services.GetServices(type).ToList();
                }
            }

            // A binder looks up a section's own value before its children's: a section is not a setting.
            var keys = recorder.Keys.ToList();
            return keys
                .Where(k => !keys.Any(other => other.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase)))
                .Select(k => k.Replace(":", "__", StringComparison.Ordinal))
                .Where(k => AppNamespaces.Any(ns => k.StartsWith(ns, StringComparison.OrdinalIgnoreCase)))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private sealed class RecordingSource : ConfigurationProvider, IConfigurationSource
    {
        private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.OrdinalIgnoreCase);

        public IEnumerable<string> Keys => _keys.Keys;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public override bool TryGet(string key, out string? value)
        {
            _keys.TryAdd(key, true);
            value = null;
            return false;
        }
    }
}
