using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TakedownFn.Telemetry;

internal static class TelemetryRegistration
{
    /// <summary>Set by the template (and by the Functions platform) to the Application Insights resource's connection string.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The app's own metrics (recorded whether or not they are exported), for both hosts.</summary>
    public static void AddTakedownMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<AppMetrics>();
    }

    /// <summary>
    /// When <see cref="ConnectionStringSetting"/> is set, exports
    /// traces, metrics and logs through OpenTelemetry to Azure Monitor. Under the Functions host the
    /// worker's defaults add its resource detector and leave invocation spans to the host
    /// (host.json <c>telemetryMode: OpenTelemetry</c>), so nothing is reported twice.
    /// </summary>
    /// <returns>Whether telemetry is exported.</returns>
    public static bool AddTakedownTelemetry(this IHostApplicationBuilder builder, bool functionsWorker)
    {
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        if (functionsWorker)
        {
            telemetry.UseFunctionsWorkerDefaults();
        }

        telemetry
            .ConfigureResource(resource => resource.AddService("TakedownFn"))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(AppMetrics.Name))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(AppMetrics.Name))
            .WithLogging()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                // Every request is kept: the exporter's default rate limit (5 traces/s, starting
                // empty) drops the first requests after a start and bursts of intake, which are
                // exactly the ones an operator investigates.
                options.TracesPerSecond = null;
                options.SamplingRatio = 1.0F;
            });
        builder.Services.AddHostedService<PoisonQueueMonitor>();
        return true;
    }
}
