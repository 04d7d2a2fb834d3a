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
/// storage operations (one table transaction of a notice's six rows in the tenant's partition plus
/// one queue message), measured once with the app's background functions held and once with
/// triage running; end-to-end time from acceptance to <c>triaged</c> (server times from the case
/// timeline); notices accepted and triaged per second at steady state beside the floor of every
/// storage request that costs; and the app's peak memory.
/// </summary>
internal static class IntakeBenchmark
{
    private const int RowsPerNotice = 6;

    private const string IntakeMessageText = "{\"tenant\":\"t0123456789abcdef\",\"cases\":[\"0123456789abcdef012345\"]}";

    private static readonly int NoticeBytes = Encoding.UTF8.GetByteCount(Notice("sample"));

    /// <summary>
    /// The functions that work off accepted notices in the background (triage, its sweep, the
    /// ledger sequencer), held in the app that measures the accept path alone, as the Functions
    /// host's own <c>AzureWebJobs.{Name}.Disabled</c> setting holds a function.
    /// </summary>
    private static readonly string[] BackgroundFunctions = ["ProcessIntake", "SweepIntake", "SequenceLedger"];

    public static async Task RunAsync(AzuriteServer azurite, Settings settings)
    {
        var floorRate = await AcceptPathAsync(settings);

        // Everything else runs on the section's Azurite, where no held messages sit at rest:
        // Azurite re-sorts every message of the account on each queue receive and delete.
        await using var app = await AppUnderTest.StartAsync(azurite, "bench");
        using var http = app.Client("platform", settings.Workers * 2);
        var run = 0;
        async Task<int> Live(int i)
        {
            using var response = await http.PostAsync(new Uri("/api/notices", UriKind.Relative), Json(Notice($"l{Interlocked.Increment(ref run)}-{i}")));
            response.EnsureSuccessStatusCode();
            return 1;
        }

        await Measurement.OperationsPerSecondAsync(Live, settings.Workers, TimeSpan.FromSeconds(0.5)); // warm-up
        var liveRate = await Measurement.OperationsPerSecondAsync(Live, settings.Workers, settings.Duration);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"POST /api/notices (triage running)",-36} {liveRate,9:F0} notices/s = {liveRate / floorRate:F2} x the accept floor (triage shares Azurite's one thread)"));

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
        await SustainedAsync(azurite, app, http, settings);
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

    /// <summary>
    /// The accept path alone, like for like: an app whose background functions are held, beside
    /// the floor, on an Azurite of their own (both leave their queue messages at rest). Returns the floor.
    /// </summary>
    private static async Task<double> AcceptPathAsync(Settings settings)
    {
        await using var azurite = await AzuriteServer.StartAsync("benchmarks-intake-accept");
        await using var held = await AppUnderTest.StartAsync(
            azurite, "benchheld", BackgroundFunctions.ToDictionary(f => $"AzureWebJobs__{f}__Disabled", _ => "true"));
        using var http = held.Client("platform", settings.Workers * 2);
        var floor = new FloorRequests(azurite.Account);
        var table = azurite.Table("benchfloor");
        await table.CreateIfNotExistsAsync();
        var queue = azurite.Queue("bench-floor");
        await queue.CreateIfNotExistsAsync();

        Report.Header($"intake: notices accepted per second ({NoticeBytes}-byte DMCA notices, app process on Azurite)");
        var run = 0;
        async Task<int> Single(int i)
        {
            using var response = await http.PostAsync(new Uri("/api/notices", UriKind.Relative), Json(Notice($"s{Interlocked.Increment(ref run)}-{i}")));
            response.EnsureSuccessStatusCode();
            return 1;
        }

        // Like the app, the floor writes every notice's rows into one partition (the tenant's):
        // Azurite's insert cost grows with the partition, so a fresh partition per notice would
        // flatter the floor.
        async Task<int> Floor(int i)
        {
            await floor.TableBatchAsync(table.Name, "floortenant", Rows($"f{Interlocked.Increment(ref run)}-{i}", RowsPerNotice), NoticeBytes);
            await floor.QueueSendAsync(queue.Name, IntakeMessageText);
            return 1;
        }

        var (floorRate, heldRate) = await Measurement.CompareAsync(Floor, Single, settings.Workers, settings.Duration, settings.Rounds);
        Report.Ratio("POST /api/notices (background held)", floorRate, heldRate, target: 0.7);
        return floorRate;
    }

    /// <summary>
    /// Notices accepted and triaged per second at steady state: workers submit for five round
    /// lengths while the app triages, then the rate is the count over the span from the first
    /// acceptance to the last triage (server times). Beside it, the floor of the storage requests
    /// one notice costs from intake to triage: the accept transaction, the queue send, the
    /// receive and delete, two point reads (the case with its notice, the tenant's SLA override) and
    /// the triage transaction (case merge, two steps and their two ledger to-do rows, three SLA
    /// timer rows and the outbox row's delete: nine operations, counted from the code).
    /// </summary>
    private static async Task SustainedAsync(AzuriteServer azurite, AppUnderTest app, HttpClient http, Settings settings)
    {
        // Where the time goes: each process's CPU time while notices are submitted and triaged.
        var cpu = new CpuTime(azurite.ProcessId, app.ProcessId);
        var floor = new FloorRequests(azurite.Account);
        var table = azurite.Table("benchsustained");
        await table.CreateIfNotExistsAsync();
        var queue = azurite.Queue("bench-sustained");
        await queue.CreateIfNotExistsAsync();
        var duration = settings.Duration * 5;
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Measurement.OperationsPerSecondAsync(async i =>
        {
            using var response = await http.PostAsync(new Uri("/api/notices", UriKind.Relative), Json(Notice($"sus-{Guid.NewGuid():N}-{i}")));
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!);
            return 1;
        }, settings.Workers, duration);
        var (azuriteShare, appShare) = cpu.Shares();

        var (first, last, triaged) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue, 0);
        var wait = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            while (wait.Elapsed < TimeSpan.FromMinutes(10))
            {
                var view = await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
                var step = view.GetProperty("timeline").EnumerateArray().FirstOrDefault(s => s.GetProperty("kind").GetString() == "triaged");
                if (step.ValueKind == JsonValueKind.Object)
                {
                    first = Min(first, view.GetProperty("acceptedAt").GetDateTimeOffset());
                    last = Max(last, step.GetProperty("recordedAt").GetDateTimeOffset());
                    triaged++;
                    break;
                }

                await Task.Delay(250);
            }
        }

        var rate = triaged / (last - first).TotalSeconds;
        var run = 0;
        var floorRate = await Measurement.OperationsPerSecondAsync(async i =>
        {
            var n = $"e{Interlocked.Increment(ref run)}-{i}";
            await floor.TableBatchAsync(table.Name, "sustained", Rows(n, RowsPerNotice), NoticeBytes);
            await floor.QueueSendAsync(queue.Name, IntakeMessageText);
            await floor.QueueReceiveDeleteAsync(queue.Name);
            await floor.TableGetAsync(table.Name, "sustained", $"{n}-r0");
            await floor.TableGetAsync(table.Name, "sustained", $"{n}-r1");
            await floor.TableBatchAsync(table.Name, "sustained", Rows($"{n}-t", 9));
            return 1;
        }, settings.Workers, duration);
        Report.Ratio($"accepted and triaged ({triaged}/{ids.Count})", floorRate, rate);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"  CPU while submitting, of one core",-36} Azurite {azuriteShare:P0}   app {appShare:P0}"));
    }

    private static List<string> Rows(string prefix, int count) => Enumerable.Range(0, count).Select(r => $"{prefix}-r{r}").ToList();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    internal static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    internal static string Notice(string reference) =>
        $$"""{"regime":"us-dmca","category":"copyright","items":[{"url":"https://video.example/watch/{{reference}}"}],"notifier":{"name":"Rights Holder Ltd","contact":{"email":"legal@rights.example"},"role":"right-holder"},"explanation":"The video reproduces our film in full, from the opening titles to the credits.","declarations":{"goodFaith":true,"accuracy":true,"authorityUnderPenaltyOfPerjury":true},"signature":"/A. Agent/","platformReference":"{{reference}}","receivedAt":"{{DateTimeOffset.UtcNow.AddMinutes(-1):O}}"}""";

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
