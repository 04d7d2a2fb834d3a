using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 4's benchmark: many open cases whose act deadlines fall within one minute; for each, the
/// time from the deadline to its recorded <c>sla-breached</c> step (server times), and the storage
/// requests the app spent per timer while the timers ran (Azurite's access log, less the
/// benchmark's own reads).
/// </summary>
internal static class SlaBenchmark
{
    public static async Task RunAsync(AzuriteServer azurite, int cases)
    {
        await using var app = await AppUnderTest.StartAsync(azurite, "sla");
        using var admin = app.Client("admin", 4);
        using var platform = app.Client("platform", 8);

        // Act within 100 s of acceptance: submission takes well under a minute, so every
        // deadline falls within one minute of the first.
        var actSeconds = 100;
        var overrideDocument = new JsonObject
        {
            ["tenant"] = app.TenantId,
            ["version"] = 1,
            ["rules"] = new JsonArray(new JsonObject { ["regime"] = "us-dmca", ["category"] = "*", ["stage"] = "act", ["length"] = actSeconds, ["unit"] = "seconds" }),
        };
        (await admin.PutAsync(new Uri($"/api/tenants/{app.TenantId}/sla-override", UriKind.Relative), IntakeBenchmark.Json(overrideDocument.ToJsonString()))).EnsureSuccessStatusCode();

        Report.Header($"sla: {cases} open cases, act deadlines within one minute; deadline -> recorded breach");
        var submit = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, (cases + 99) / 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            var notices = string.Join(',', Enumerable.Range(0, Math.Min(100, cases - (batch * 100))).Select(n => IntakeBenchmark.Notice($"sla-{batch}-{n}")));
            using var response = await platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), IntakeBenchmark.Json($"{{\"notices\":[{notices}]}}"), ct);
            response.EnsureSuccessStatusCode();
        });
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"submitted in",-36} {submit.Elapsed.TotalSeconds,9:F1} s"));

        var counter = new StorageOperationCounter();
        // Azurite scans a whole table for a query; at this size a read can take a while.
        var options = new StorageClientSettings { NetworkTimeout = TimeSpan.FromMinutes(5) };
        options.PerCallPolicies.Add(counter);
        var store = new CaseStore(azurite.Table("slacases", options));
        var intakeQueue = azurite.Queue("slaintake", options);
        var timerQueue = azurite.Queue("slatimers", options);
        var requestsBefore = CountRequests(azurite.LogPath);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<SlaEventRecord> events = [];
        var breaches = new List<SlaEventRecord>();
        while (watch.Elapsed < TimeSpan.FromMinutes(15))
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            events = await store.SlaEventsAsync(app.TenantId);
            breaches = events.Where(e => e.Kind == "sla-breached").ToList();
            var (intake, timerMessages) = ((await intakeQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount, (await timerQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
            Report.Line(string.Create(CultureInfo.InvariantCulture,
                $"  {watch.Elapsed.TotalSeconds,5:F0} s: {events.Count - breaches.Count} warnings, {breaches.Count} breaches recorded; queued: {intake} intake, {timerMessages} timer messages"));
            if (breaches.Count >= cases)
            {
                break;
            }
        }

        var timers = events.Count;
        var appRequests = CountRequests(azurite.LogPath) - requestsBefore - counter.Total;
        var delays = breaches.Select(b => (b.RecordedAt - b.Deadline).TotalSeconds).Order().ToList();
        var deadlines = breaches.Select(b => b.Deadline).ToList();
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"breaches recorded",-36} {breaches.Count,9} of {cases}   (deadlines spread over {(deadlines.Count == 0 ? 0 : (deadlines.Max() - deadlines.Min()).TotalSeconds):F0} s)"));
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"deadline -> breach recorded",-36} p50 {IntakeBenchmark.Percentile(delays, 0.5),6:F1} s   p99 {IntakeBenchmark.Percentile(delays, 0.99),6:F1} s   max {(delays.Count == 0 ? double.NaN : delays[^1]),6:F1} s (target: within 120 s)"));
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"storage requests per timer",-36} {(double)appRequests / Math.Max(1, timers),9:F2}   ({appRequests} requests for {timers} warnings and breaches, incl. queue polling)"));
    }

    private static long CountRequests(string azuriteLog)
    {
        using var reader = new StreamReader(new FileStream(azuriteLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("127.0.0.1 - -", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
