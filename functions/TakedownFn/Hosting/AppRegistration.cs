using TakedownFn.Auth;
using TakedownFn.Erasure;
using TakedownFn.Evidence;
using TakedownFn.Functions;
using TakedownFn.Incidents;
using TakedownFn.LedgerApi;
using TakedownFn.OpenApi;
using TakedownFn.Reports;
using TakedownFn.SafeHarbour;
using TakedownFn.RateLimiting;
using TakedownFn.Sla;
using TakedownFn.StatementsOfReasons;
using TakedownFn.Storage;
using TakedownFn.Telemetry;
using TakedownFn.Surge;

namespace TakedownFn.Hosting;

internal static class AppRegistration
{
    /// <summary>
    /// Everything both hosts share: storage, authentication, the handlers of every function, the
    /// SLA engine and the ledger. Each host adds only how triggers reach the handlers.
    /// </summary>
    public static void AddTakedownApp(this IHostApplicationBuilder builder)
    {
        builder.AddTakedownStorage();
        builder.AddTakedownAuth();
        builder.AddTakedownRateLimits();
        builder.AddTakedownFunctions();
        builder.AddTakedownApi();
        builder.AddTakedownSla();
        builder.AddTakedownSurge();
        builder.AddTakedownLedger();
        builder.AddTakedownMetrics();
        builder.AddStatementsOfReasons();
        builder.AddTakedownReports();
        builder.AddTakedownEvidence();
        builder.AddTakedownSafeHarbour();
        builder.AddTakedownIncidents();
        builder.AddTakedownOpenApi();
        builder.AddTakedownErasure();
    }
}
