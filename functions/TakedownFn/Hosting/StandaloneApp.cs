using TakedownFn.Cases;
using TakedownFn.Dashboard;
using TakedownFn.Erasure;
using TakedownFn.Evidence;
using TakedownFn.Functions;
using TakedownFn.Health;
using TakedownFn.Incidents;
using TakedownFn.LedgerApi;
using TakedownFn.Notices;
using TakedownFn.OpenApi;
using TakedownFn.Reports;
using TakedownFn.SafeHarbour;
using TakedownFn.Signing;
using TakedownFn.Sla;
using TakedownFn.Telemetry;
using TakedownFn.StatementsOfReasons;
using TakedownFn.Tenants;

namespace TakedownFn.Hosting;

/// <summary>
/// The app without the Functions host (local runs, tests, operator commands): ASP.NET Core serves
/// the HTTP endpoints and the app runs its own queue pumps and timers, with the host's semantics.
/// </summary>
internal static class StandaloneApp
{
    public const string DefaultUrl = "http://localhost:7071";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (Commands.IsCommand(args))
        {
            // A command's standard output is its JSON answer; logs go to standard error.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Configuration.AddLocalSettings(Directory.GetCurrentDirectory());
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        if (!StartupErrors.Try(builder.AddTakedownApp) || !StartupErrors.Try(() => builder.AddTakedownTelemetry(functionsWorker: false)))
        {
            return 1;
        }

        builder.AddFunctionPumps();
        var app = builder.Build();
        if (Commands.IsCommand(args))
        {
            return await Commands.RunAsync(app, args);
        }

        app.UseAuthentication();
        // After authentication (the limits are per tenant and key), before any endpoint runs.
        app.UseRateLimiter();
        app.UseRequestSignatures();
        app.UseAuthorization();
        app.MapTakedownEndpoints();
        await app.RunAsync();
        return 0;
    }

    /// <summary>Every HTTP endpoint; also mapped, unserved, to generate the worker's OpenAPI document.</summary>
    public static void MapTakedownEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapNotices();
        app.MapCases();
        app.MapTenants();
        app.MapRequestSigning();
        app.MapSla();
        app.MapLedger();
        app.MapStatementsOfReasons();
        app.MapReports();
        app.MapEvidence();
        app.MapSafeHarbour();
        app.MapIncidents();
        app.MapOpenApiDocs();
        app.MapErasure();
        app.MapDashboard();
    }
}
