using TakedownFn.Storage;
using TakedownFn.Storage.Incidents;

namespace TakedownFn.Incidents;

internal static class IncidentRegistration
{
    /// <summary>Incidents live in the cases table, in each tenant's partition.</summary>
    public static void AddTakedownIncidents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new IncidentStore(sp.GetRequiredService<StorageClients>().Cases));
        builder.Services.AddSingleton<IncidentLinker>();
    }
}
