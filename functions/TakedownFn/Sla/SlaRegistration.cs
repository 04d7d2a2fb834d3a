using TakedownFn.Domain.Sla;
using TakedownFn.Storage;

namespace TakedownFn.Sla;

internal static class SlaRegistration
{
    /// <summary>
    /// The SLA engine's services. The shipped policy packs and calendars are loaded here, so a pack
    /// that does not validate stops start-up with every error listed, as do bad <c>TakedownFn:Sla</c> settings.
    /// </summary>
    public static void AddTakedownSla(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new SlaOptions();
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(PolicyCatalog.Shipped);
        services.AddSingleton(CalendarCatalog.Shipped);
        services.AddSingleton(sp => new SlaTimerQueue(sp.GetRequiredService<StorageClients>().Timers, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlaTimerQueue>>()));
        services.AddSingleton(sp => new EscalationQueue(sp.GetRequiredService<StorageClients>().Escalations, sp.GetRequiredService<ILogger<EscalationQueue>>()));
        services.AddSingleton<EscalationWebhooks>();
        services.AddSingleton<TenantSlaOverrides>();
        services.AddSingleton<SlaRecorder>();
        services.AddHttpClient(EscalationHandler.HttpClientName, client => client.Timeout = options.EscalationTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public static void MapSla(this WebApplication app)
    {
        app.MapAtRisk();
        app.MapSlaTenantSettings();
    }
}
