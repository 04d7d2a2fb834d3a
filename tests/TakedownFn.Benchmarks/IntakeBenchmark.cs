using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 3's benchmark: notices accepted per second through the standalone app (a real process on
/// Azurite, over HTTP with concurrent clients), single and batch, beside the floor of the same
/// storage operations (one table transaction of a notice's six rows plus one queue message);
/// end-to-end time from acceptance to <c>triaged</c> (server times from the case timeline); and
/// the app's peak memory.
/// </summary>
internal static class IntakeBenchmark
{
    private const int RowsPerNotice = 6;

    public static async Task RunAsync(AzuriteServer azurite, Settings settings)
    {
        await using var app = await AppUnderTest.StartAsync(azurite, "bench");
        using var http = app.Client("platform", settings.Workers * 2);

        var sample = Notice("sample");
        var noticeBytes = Encoding.UTF8.GetByteCount(sample);
        var floor = new FloorRequests(azurite.Account);
        var table = azurite.Table("benchfloor");
        await table.CreateIfNotExistsAsync();
        var queue = azurite.Queue("bench-floor");
        await queue.CreateIfNotExistsAsync();
        var rows = Enumerable.Range(0, RowsPerNotice).Select(r => $"r{r}").ToList();

        Report.Header($"intake: notices accepted per second ({noticeBytes}-byte DMCA notices, app process on Azurite)");
        var accepted = new System.Collections.Concurrent.ConcurrentBag<string>();
        var run = 0;
        async Task<int> Single(int i)
        {
            using var response = await http.PostAsync(new Uri("/api/notices", UriKind.Relative), Json(Notice($"s{Interlocked.Increment(ref run)}-{i}")));
            response.EnsureSuccessStatusCode();
            accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!);
            return 1;
        }

        async Task<int> Floor(int i)
        {
            await floor.TableBatchAsync(table.Name, $"f{Interlocked.Increment(ref run)}-{i}", rows, noticeBytes);
            await floor.QueueSendAsync(queue.Name, "{\"tenant\":\"t0123456789abcdef\",\"cases\":[\"0123456789abcdef012345\"]}");
            return 1;
        }

        var (floorRate, singleRate) = await Measurement.CompareAsync(Floor, Single, settings.Workers, settings.Duration, settings.Rounds);
        Report.Ratio("POST /api/notices", floorRate, singleRate, target: 0.7);

        async Task<int> Batch(int i)
        {
            var batch = string.Join(',', Enumerable.Range(0, 100).Select(n => Notice($"b{Interlocked.Increment(ref run)}-{i}-{n}")));
            using var response = await http.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), Json($"{{\"notices\":[{batch}]}}"));
            response.EnsureSuccessStatusCode();
            return 100;
        }

        var batchRate = await Measurement.OperationsPerSecondAsync(Batch, Math.Max(1, settings.Workers / 2), settings.Duration);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"POST /api/notices/batch (100 each)",-36} {batchRate,9:F0} notices/s = {batchRate / floorRate:F1} x the single-notice floor (target: well above 1)"));

        // Let the app work off the backlog of the throughput runs first, so the end-to-end figure
        // measures processing, not the queue those runs left behind.
        var intake = azurite.Queue("benchintake");
        var drain = Stopwatch.StartNew();
        while ((await intake.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0 && drain.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(250);
        }

        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"backlog of those runs processed in",-36} {drain.Elapsed.TotalSeconds,9:F1} s"));
        await EndToEndAsync(http, settings);
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"app peak memory (VmHWM)",-36} {app.PeakMegabytes(),9:F0} MB (target < 400 MB)"));
    }

    /// <summary>Submits at a steady 25 notices/s for the round length, then reads accepted → triaged from each timeline.</summary>
    private static async Task EndToEndAsync(HttpClient http, Settings settings)
    {
        var ids = new List<string>();
        var total = (int)(25 * Math.Max(8, settings.Duration.TotalSeconds * 2));
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(40));
        var submits = new List<Task<string>>();
        for (var i = 0; i < total && await pace.WaitForNextTickAsync(); i++)
        {
            var n = i;
            submits.Add(Task.Run(async () =>
            {
                using var response = await http.PostAsync(new Uri("/api/notices", UriKind.Relative), Json(Notice($"e2e-{Guid.NewGuid():N}-{n}")));
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
            }));
        }

        ids.AddRange(await Task.WhenAll(submits));
        var latencies = new List<double>();
        foreach (var id in ids)
        {
            for (var attempt = 0; attempt < 600; attempt++)
            {
                var view = await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
                var triaged = view.GetProperty("timeline").EnumerateArray().FirstOrDefault(s => s.GetProperty("kind").GetString() == "triaged");
                if (triaged.ValueKind == JsonValueKind.Object)
                {
                    latencies.Add((triaged.GetProperty("recordedAt").GetDateTimeOffset() - view.GetProperty("acceptedAt").GetDateTimeOffset()).TotalMilliseconds);
                    break;
                }

                await Task.Delay(100);
            }
        }

        latencies.Sort();
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"accepted -> triaged at 25 notices/s",-36} p50 {Percentile(latencies, 0.5),7:F0} ms   p99 {Percentile(latencies, 0.99),7:F0} ms   ({latencies.Count}/{ids.Count} triaged)"));
    }

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    internal static string Notice(string reference) =>
        $$"""{"regime":"us-dmca","category":"copyright","items":[{"url":"https://video.example/watch/{{reference}}"}],"notifier":{"name":"Rights Holder Ltd","contact":{"email":"legal@rights.example"},"role":"right-holder"},"explanation":"The video reproduces our film in full, from the opening titles to the credits.","declarations":{"goodFaith":true,"accuracy":true,"authorityUnderPenaltyOfPerjury":true},"signature":"/A. Agent/","platformReference":"{{reference}}","receivedAt":"{{DateTimeOffset.UtcNow.AddMinutes(-1):O}}"}""";

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
