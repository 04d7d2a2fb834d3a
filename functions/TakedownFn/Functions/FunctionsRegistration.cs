using TakedownFn.Storage;

namespace TakedownFn.Functions;

internal static class FunctionsRegistration
{
    /// <summary>Registers every queue and timer handler, which both hosts call.</summary>
    public static void AddTakedownFunctions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton(sp => FunctionCatalog.For(sp.GetRequiredService<StorageResources>()));
        foreach (var handler in FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Handler).OfType<Type>())
        {
            services.AddSingleton(handler);
        }
    }

    /// <summary>
    /// Standalone only: a pump per queue function and a timer per timer function (under the
    /// Functions host, the host triggers them instead).
    /// </summary>
    public static void AddFunctionPumps(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("TakedownFn:Queues").Get<QueuePumpOptions>() ?? new QueuePumpOptions());
        builder.Services.AddSingleton<IHostedService>(sp => new FunctionPumps(sp));
    }
}
