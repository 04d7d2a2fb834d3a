using TakedownFn.Processing;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Storage;

internal static class StorageRegistration
{
    public const string PrefixSetting = "TakedownFn:StoragePrefix";

    /// <summary>
    /// Reads the storage connection the Functions way (<c>AzureWebJobsStorage</c> or its
    /// identity-based <c>__</c> settings) and fails start-up at once, naming the bad setting, when
    /// it cannot be used.
    /// </summary>
    public static void AddTakedownStorage(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Environment variables spell sections with "__"; configuration keys use ":".
        var connection = StorageConnection.FromSettings(name => configuration[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)]);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton(StorageResources.FromPrefix(configuration[PrefixSetting]));
        builder.Services.AddSingleton(_ => new StorageProbe(connection));
        builder.Services.AddSingleton(new StorageClientOptions());
        builder.Services.AddSingleton<StorageClients>();
        builder.Services.AddSingleton<StorageProvisioner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageProvisioner>());
        builder.Services.AddSingleton(sp => new CaseStore(sp.GetRequiredService<StorageClients>().Cases));
        builder.Services.AddSingleton(sp => new TenantStore(sp.GetRequiredService<StorageClients>().Tenants));
        builder.Services.AddSingleton(sp => new TenantSettingsStore(sp.GetRequiredService<StorageClients>().Tenants));
        builder.Services.AddSingleton(sp => new IntakeQueue(sp.GetRequiredService<StorageClients>().Intake));
    }
}
