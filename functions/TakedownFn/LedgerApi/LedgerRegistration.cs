using TakedownFn.Storage;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Tenants;

namespace TakedownFn.LedgerApi;

internal static class LedgerRegistration
{
    /// <summary>The ledger's store, keys and sequencer; a bad key setting fails start-up.</summary>
    public static void AddTakedownLedger(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        var options = LedgerSettings.SequencerOptions(configuration);
        builder.Services.AddSingleton(sp => LedgerSettings.Keys(configuration, sp.GetRequiredService<StorageAccount>(), contentRoot));
        builder.Services.AddSingleton(sp => new LedgerStore(sp.GetRequiredService<StorageClients>().LedgerLog));
        builder.Services.AddSingleton(sp =>
        {
            var clients = sp.GetRequiredService<StorageClients>();
            return new LedgerSequencer(
                sp.GetRequiredService<LedgerStore>(),
                clients.Cases,
                sp.GetRequiredService<TenantStore>(),
                clients.Ledger,
                sp.GetRequiredService<LedgerSigningKeys>(),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LedgerSequencer>>(),
                sp.GetRequiredService<Storage.Cases.CaseNoticeCipher>());
        });
    }
}
