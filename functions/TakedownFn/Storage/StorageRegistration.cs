using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using TakedownFn.Processing;
using TakedownFn.Secrets;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Secrets;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.Storage;

internal static class StorageRegistration
{
    public const string PrefixSetting = "TakedownFn:StoragePrefix";

    /// <summary>
    /// Reads the storage account the Functions way (<c>AzureWebJobsStorage</c> or its
    /// identity-based <c>__</c> settings) and fails start-up at once, naming the bad setting, when
    /// it cannot be used; registers the SDK's service clients and the app's clients and stores.
    /// On <see cref="IHostApplicationBuilder"/>, so the standalone host and the Functions worker share it.
    /// </summary>
    /// <exception cref="StorageConfigurationException">A storage setting cannot be used.</exception>
    public static void AddTakedownStorage(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Environment variables spell sections with "__"; configuration keys use ":".
        var account = StorageAccount.FromSettings(name => configuration[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)]);
        var services = builder.Services;
        services.AddSingleton(account);
        services.AddSingleton(StorageResources.FromPrefix(configuration[PrefixSetting]));
        // The clients take the account and settings from the container, so a host (or a test) can
        // replace either, e.g. with another token credential or transport.
        services.AddSingleton(sp => new StorageProbe(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<StorageClientSettings>()));
        services.AddSingleton(new StorageClientSettings());
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateTableServiceClient(sp.GetRequiredService<StorageClientSettings>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateQueueServiceClient(sp.GetRequiredService<StorageClientSettings>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateBlobServiceClient(sp.GetRequiredService<StorageClientSettings>()));
        services.AddSingleton(sp => new StorageClients(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<QueueServiceClient>(),
            sp.GetRequiredService<BlobServiceClient>(),
            sp.GetRequiredService<StorageResources>()));
        services.AddSingleton<StorageProvisioner>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageProvisioner>());
        // TakedownFn:Reports:Rollups=false stops recording report to-do rows with case changes (for the benchmark's baseline only).
        var rollups = configuration.GetValue("TakedownFn:Reports:Rollups", true);
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp => SecretSettings.Protector(configuration, account, contentRoot));
        services.AddSingleton(sp => new CaseNoticeCipher(sp.GetRequiredService<SecretProtector>()));
        services.AddSingleton(sp => new CaseStore(sp.GetRequiredService<StorageClients>().Cases, rollups, sp.GetRequiredService<CaseNoticeCipher>()));
        services.AddSingleton(sp => new TenantStore(sp.GetRequiredService<StorageClients>().Tenants, sp.GetRequiredService<SecretProtector>()));
        services.AddSingleton(sp => new TenantSettingsStore(sp.GetRequiredService<StorageClients>().Tenants, sp.GetRequiredService<SecretProtector>()));
        services.AddSingleton(sp => new RequestSigningStore(sp.GetRequiredService<StorageClients>().Tenants, sp.GetRequiredService<SecretProtector>()));
        services.AddSingleton(sp => new IntakeQueue(sp.GetRequiredService<StorageClients>().Intake));
    }
}
