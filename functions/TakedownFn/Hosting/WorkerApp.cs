using Microsoft.Azure.Functions.Worker.Builder;
using TakedownFn.Auth;
using TakedownFn.Storage;
using TakedownFn.Telemetry;

namespace TakedownFn.Hosting;

/// <summary>
/// The app as a .NET isolated worker under the Azure Functions host: the host delivers HTTP
/// requests (ASP.NET Core integration), queue messages (with its leasing, retries and
/// <c>{queue}-poison</c>) and timer ticks to the function classes in each feature's folder.
/// </summary>
internal static class WorkerApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = CreateBuilder(args);
        if (builder is null)
        {
            return 1;
        }

        await builder.Build().RunAsync();
        return 0;
    }

    /// <summary>The worker's builder with every service registered, or null after printing why it cannot start.</summary>
    public static FunctionsApplicationBuilder? CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        // The triggers' queue names are fixed in their attributes; a prefix would have the app
        // write to queues the host never reads.
        if (!string.IsNullOrEmpty(builder.Configuration[StorageRegistration.PrefixSetting]))
        {
            StartupErrors.Fail("TakedownFn__StoragePrefix must be empty under the Functions host, whose queue triggers read the unprefixed queues.");
            return null;
        }

        builder.UseMiddleware<FunctionAuthorizationMiddleware>();
        return StartupErrors.Try(builder.AddTakedownApp) && StartupErrors.Try(() => builder.AddTakedownTelemetry(functionsWorker: true)) ? builder : null;
    }
}
