using TakedownFn.Storage;
using TakedownFn.Storage.Surge;

namespace TakedownFn.Surge;

internal static class SurgeRegistration
{
    /// <summary>The surge detector's services; bad <c>TakedownFn:Surge</c> settings stop start-up naming the problem.</summary>
    public static void AddTakedownSurge(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SurgeOptions.Section).Get<SurgeOptions>() ?? new SurgeOptions();
        var problems = options.Rule.Problems().Select(p => $"{SurgeOptions.Section}: {p}").ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new SurgeStore(sp.GetRequiredService<StorageClients>().Cases));
        builder.Services.AddSingleton<SurgeTracker>();
    }
}
