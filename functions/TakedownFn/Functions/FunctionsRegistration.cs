using TakedownFn.Hosting;
using TakedownFn.Storage;

namespace TakedownFn.Functions;

internal static class FunctionsRegistration
{
    /// <summary>
    /// Registers every queue and timer handler; standalone, also a pump per queue function and a
    /// timer per timer function (under the Functions host, the host triggers them instead).
    /// </summary>
    public static void AddTakedownFunctions(this WebApplicationBuilder builder, HostingMode mode)
    {
        var services = builder.Services;
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton(builder.Configuration.GetSection("TakedownFn:Queues").Get<QueuePumpOptions>() ?? new QueuePumpOptions());
        services.AddSingleton(sp => FunctionCatalog.For(sp.GetRequiredService<StorageResources>()));
        foreach (var handler in FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Handler).OfType<Type>())
        {
            services.AddSingleton(handler);
        }

        if (mode != HostingMode.Standalone)
        {
            return;
        }

        services.AddSingleton<IHostedService>(sp => new FunctionPumps(sp));
    }

    public static void MapFunctions(this WebApplication app)
    {
        if (app.Services.GetRequiredService<AppHosting>().Mode == HostingMode.CustomHandler)
        {
            app.MapCustomHandlerInvocations(app.Services.GetRequiredService<IReadOnlyList<FunctionDefinition>>());
        }
    }
}
