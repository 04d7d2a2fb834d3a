using System.Diagnostics.Metrics;

namespace TakedownFn.Telemetry;

/// <summary>
/// The app's own metrics, named as the template's alert rules query them (infra/main.bicep). They
/// carry ids and counts only, never notice content.
/// </summary>
internal sealed class AppMetrics
{
    /// <summary>The meter (and activity source) name.</summary>
    public const string Name = "TakedownFn";

    /// <summary>Counter: one per recorded SLA breach.</summary>
    public const string SlaBreaches = "takedownfn.sla.breaches";

    /// <summary>Gauge: the approximate message count of each poison queue (dimension <c>queue</c>).</summary>
    public const string PoisonQueueDepth = "takedownfn.queue.poison.depth";

    private readonly Counter<long> _breaches;
    private volatile IReadOnlyList<Measurement<long>> _poisonDepths = [];

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _breaches = meter.CreateCounter<long>(SlaBreaches, unit: "{breach}", description: "SLA breaches recorded on cases");
        meter.CreateObservableGauge(PoisonQueueDepth, () => _poisonDepths, unit: "{message}", description: "Messages waiting in a poison queue");
    }

    public void SlaBreachRecorded(string stage) => _breaches.Add(1, new KeyValuePair<string, object?>("stage", stage));

    /// <summary>The latest depths read by <see cref="PoisonQueueMonitor"/>, reported at each collection.</summary>
    public void PoisonQueueDepths(IEnumerable<(string Queue, long Depth)> depths) =>
        _poisonDepths = [.. depths.Select(d => new Measurement<long>(d.Depth, new KeyValuePair<string, object?>("queue", d.Queue)))];
}
