using TakedownFn.Storage;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

internal static class ReportRegistration
{
    /// <summary>The reports' store, fold and builders, and who may read them.</summary>
    public static void AddTakedownReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new ReportStore(sp.GetRequiredService<StorageClients>().Reports));
        services.AddSingleton<ReportCache>();
        services.AddSingleton<SlaReports>();
        services.AddSingleton<ReportReconciliation>();
        services.AddSingleton<ReportPeriods>();
        services.AddReportPolicies();
    }

    public static void MapReports(this WebApplication app)
    {
        app.MapSlaReport();
        app.MapReportPeriods();
        app.MapDsaTransparency();
    }
}
