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
        services.AddSingleton(Calendars(options, builder.Environment.ContentRootPath));
        services.AddSingleton<ProvisionalDeadlines>();
        services.AddSingleton(sp => new SlaTimerQueue(sp.GetRequiredService<StorageClients>().Timers, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlaTimerQueue>>()));
        services.AddSingleton(sp => new EscalationQueue(sp.GetRequiredService<StorageClients>().Escalations, sp.GetRequiredService<ILogger<EscalationQueue>>()));
        services.AddSingleton<EscalationWebhooks>();
        services.AddSingleton<TenantSlaOverrides>();
        services.AddSingleton<SlaRecorder>();
        services.AddHttpClient(EscalationHandler.HttpClientName, client => client.Timeout = options.EscalationTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    /// <summary>The shipped calendars, plus the files of <see cref="SlaOptions.CalendarDirectory"/>; a bad file stops start-up naming it.</summary>
    private static CalendarCatalog Calendars(SlaOptions options, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(options.CalendarDirectory))
        {
            return CalendarCatalog.Shipped;
        }

        var directory = Path.GetFullPath(options.CalendarDirectory, contentRoot);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"{SlaOptions.Section}:CalendarDirectory names a folder that does not exist: {directory}");
        }

        var files = Directory.GetFiles(directory, "calendar.*.json").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return CalendarCatalog.WithFiles(files);
    }

    public static void MapSla(this WebApplication app)
    {
        app.MapAtRisk();
        app.MapSlaTenantSettings();
    }
}
