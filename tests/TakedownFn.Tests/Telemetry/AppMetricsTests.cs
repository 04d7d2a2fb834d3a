using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Telemetry;
using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Telemetry;

/// <summary>The two metrics the template's alert rules query, as one app records them.</summary>
public sealed class AppMetricsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SlaBreaches_OneDeadlineMissed_CountsOneBreachOfThatStage()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var tenant = await app.CreateTenantAsync();
        using var metrics = new AppMeasurements(app);
        await SetActLengthAsync(await app.AdminClientAsync(), tenant.TenantId, 3);

        var caseId = await TriagedCaseAsync(tenant);
        await WaitForStepAsync(tenant.Officer, caseId, "sla-breached");
        var breaches = await metrics.WaitForAsync(AppMetrics.SlaBreaches, m => m.Count > 0);

        var breach = Assert.Single(breaches);
        Assert.Equal(1, breach.Value);
        Assert.Equal("act", breach.Tags["stage"]);
    }

    [Fact]
    public async Task PoisonQueueDepth_MessagesWaitingInAPoisonQueue_AreReportedPerQueue()
    {
        await azurite.InitializeAsync();
        var settings = new Dictionary<string, string> { [TelemetryRegistration.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-0000000000a2;IngestionEndpoint=http://127.0.0.1:9/" };
        await using var app = new TakedownFnFactory(azurite.Server, settings);
        var poison = azurite.Queue($"{app.StoragePrefix}timers-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("{}");
        await poison.SendMessageAsync("{}");
        using var metrics = new AppMeasurements(app);

        var depths = await metrics.WaitForAsync(AppMetrics.PoisonQueueDepth, m => m.Any(d => d.Tags["queue"] == poison.Name));

        Assert.Equal(2, depths.Last(d => d.Tags["queue"] == poison.Name).Value);
        Assert.All(depths.Where(d => d.Tags["queue"] != poison.Name), d => Assert.Equal(0, d.Value));
    }

    /// <summary>Listens to the app's own meter (scoped to its meter factory, so other apps in this process are not counted).</summary>
    private sealed class AppMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = new();

        public AppMeasurements(TakedownFnFactory app)
        {
            var scope = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AppMetrics.Name && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
            _listener.Start();
            _ = app.Services.GetRequiredService<AppMetrics>();
        }

        public async Task<IReadOnlyList<(long Value, Dictionary<string, string?> Tags)>> WaitForAsync(string instrument, Func<IReadOnlyList<(long Value, Dictionary<string, string?> Tags)>, bool> until)
        {
            return await Eventually.GetAsync(
                () =>
                {
                    _listener.RecordObservableInstruments();
                    return Task.FromResult<IReadOnlyList<(long, Dictionary<string, string?>)>>([.. _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags))]);
                },
                until,
                TimeSpan.FromSeconds(60));
        }

        public void Dispose() => _listener.Dispose();
    }
}
