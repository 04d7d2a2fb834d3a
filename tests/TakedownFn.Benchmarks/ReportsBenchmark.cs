using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Sla;
using TakedownFn.Reports;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Reports;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 11's benchmark: <c>--report-cases</c> cases seeded in bulk with their report rows, the
/// fold's speed at that scale, the reconciliation scan (which must agree with the seeded rows), a
/// quarter's SLA report (p50/p99 of 100 requests, three runs; beside the bare range queries of the
/// same rows and the hour rows the report read before the day tier), and the rollups' cost on
/// intake (notices accepted per second with and without the report to-do row, same run).
/// </summary>
internal static class ReportsBenchmark
{
    private static readonly DateTimeOffset Quarter = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(AzuriteServer azurite, int cases, Settings settings)
    {
        await using (var app = await AppUnderTest.StartAsync(azurite, "rep", new() { ["AzureWebJobs__FoldReports__Disabled"] = "true" }))
        {
            await ReportAsync(azurite, app, cases);
        }

        await IntakeCostAsync(azurite, settings);
    }

    private static async Task ReportAsync(AzuriteServer azurite, AppUnderTest app, int cases)
    {
        Report.Header($"reports: a quarter's SLA report over {cases} seeded cases (rollups per UTC hour and per UTC day)");
        var options = new StorageClientSettings { NetworkTimeout = TimeSpan.FromMinutes(10) };
        var caseTable = azurite.Table("repcases", options);
        var reportTable = azurite.Table("repreports", options);
        var seeding = new CaseStore(caseTable, reportTodos: false);
        var reports = new ReportStore(reportTable);
        var quarterEnd = Quarter.AddMonths(3);

        // Rows written directly, as accepting and recording would leave them (ReportSeed's eight
        // patterns), spread over the quarter, in batches of 100; then their report rows, written in
        // bulk from the same contributions the fold computes, and checked by the reconciliation below.
        var spacing = TimeSpan.FromDays(91) / cases;
        var watch = Stopwatch.StartNew();
        const int Slice = 50_000;
        var report = new ReportRowsBuilder(app.TenantId);
        var stepCases = new List<string>();
        for (var first = 0; first < cases; first += Slice)
        {
            var seeded = Enumerable.Range(first, Math.Min(Slice, cases - first)).Select(i => ReportSeed.Case(app.TenantId, Quarter, i, i % 5 == 0 ? "trusted-flagger" : "right-holder", spacing)).ToList();
            await seeding.ImportAsync(app.TenantId, seeded);
            stepCases.AddRange(seeded.Take(10 - stepCases.Count).Select(c => c.Case.CaseId));
            report.Add(seeded.Select(c => ReportContributions.From(new CaseWithSteps(c.Case with { TenantId = app.TenantId }, c.Notice.ToArray(), c.Events), CalendarCatalog.Shipped)));
        }

        var caseSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var rowCount = 0;
        foreach (var batch in report.Rows().Chunk(100))
        {
            await reportTable.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
            rowCount += batch.Length;
        }

        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"seeded",-36} {cases} cases in {caseSeconds:F0} s; {rowCount} report rows ({report.HourRows} hour, {report.DayRows} day rollups) in {watch.Elapsed.TotalSeconds:F0} s"));

        // The fold at this scale: cases with to-do rows added to the same tables, folded by the app's code.
        var folding = new ReportFolding(new TenantStore(azurite.Table("reptenants", options)), new CaseStore(caseTable), reports, CalendarCatalog.Shipped, NullLogger<ReportFolding>.Instance);
        var foldCases = Math.Min(cases, 1000);
        await new CaseStore(caseTable).ImportAsync(app.TenantId, Enumerable.Range(cases, foldCases).Select(i => ReportSeed.Case(app.TenantId, Quarter, i % cases, "victim", spacing)));
        watch.Restart();
        var folded = await folding.FoldTenantAsync(app.TenantId, CancellationToken.None);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"fold (report timer's work)",-36} {folded} cases in {watch.Elapsed.TotalSeconds:F1} s = {folded / watch.Elapsed.TotalSeconds:F0} cases/s"));

        watch.Restart();
        var result = await new ReportReconciliation(new CaseStore(caseTable), reports, folding, CalendarCatalog.Shipped).RunAsync(app.TenantId, repair: false, CancellationToken.None);
        var scanSeconds = watch.Elapsed.TotalSeconds;
        var agrees = result.Cases == cases + foldCases && result.Differences.Count == 0 && result.Percentiles.All(p => p.WithinBound);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"reconciliation scan",-36} {scanSeconds,7:F1} s   {result.Cases} cases, {result.Differences.Count} differences, percentiles within 1%: {result.Percentiles.All(p => p.WithinBound)}: {(agrees ? "agrees" : "DISAGREES")}"));
        if (!agrees)
        {
            throw new InvalidOperationException("The seeded report rows disagree with the reconciliation: " + string.Join("; ", result.Differences.Take(5).Select(d => $"{d.Row} {d.Kind}")));
        }

        using var officer = app.Client("officer", 4);
        using var platform = app.Client("platform", 4);
        var path = $"/api/reports/sla?from={Quarter:yyyy-MM-dd}&to={quarterEnd:yyyy-MM-dd}&groupBy=regime,source,month&breaches=100";
        (await officer.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        var plan = RollupPlan.For(Quarter, quarterEnd);
        var served = new List<(double P50, double P99)>();
        var misses = new List<(double P50, double P99)>();
        var floor = new List<(double P50, double P99)>();
        var hours = new List<(double P50, double P99)>();
        var pending = new List<(double P50, double P99)>();
        var scan = new List<(double P50, double P99)>();
        for (var run = 0; run < 3; run++)
        {
            // Hits: the same report again, nothing changed (one request first, so it is built and cached).
            await GetAsync(officer, path, null);
            served.Add(await LatencyAsync(100, () => GetAsync(officer, path, "hit")));

            // Misses: each request preceded (untimed) by one step recorded on a case of the quarter, so
            // the report finds the marker moved, folds that case (reading the to-do range) and is built from storage.
            var step = 0;
            misses.Add(await LatencyAsync(100, () => GetAsync(officer, path, "miss"), () => RecordStepAsync(platform, stepCases[step++ % stepCases.Count])));
            floor.Add(await LatencyAsync(100, async () =>
            {
                await reports.RollupsAsync(app.TenantId, plan);
                await reports.BreachesAsync(app.TenantId, Quarter, quarterEnd, pageSize: 100).Take(100).CountAsync();
            }));
            hours.Add(await LatencyAsync(10, () => reports.RollupsAsync(app.TenantId, RollupPlan.For(Quarter, quarterEnd, (_, _) => false))));
            pending.Add(await LatencyAsync(10, () => folding.EnsureFoldedAsync(app.TenantId, CancellationToken.None)));
            scan.Add(await LatencyAsync(10, () => folding.FoldTenantAsync(app.TenantId, CancellationToken.None)));
        }

        Latencies("GET /api/reports/sla (quarter) hits", served, "(cache hits; target p99 < 200 ms at 1,000,000 cases)");
        Latencies("  misses (step recorded before each)", misses, string.Create(CultureInfo.InvariantCulture, $"(folds one case, then built from storage) ratio p50 {Median(misses, l => l.P50) / Median(floor, l => l.P50):F2} of the floor"));
        Latencies("  floor: same rows, bare SDK", floor, string.Create(CultureInfo.InvariantCulture, $"hits' p50 ratio {Median(served, l => l.P50) / Median(floor, l => l.P50):F2}"));
        Latencies("  hour rows only (before day tier)", hours, string.Create(CultureInfo.InvariantCulture, $"{Median(hours, l => l.P50) / Median(floor, l => l.P50):F1}x the floor's p50 (10 reads a run)"));

        Latencies("  of which: nothing-pending check", pending, "(two point reads; 10 a run)");
        Latencies("  the to-do scan that check avoids", scan, "(range query over the cases table; 10 a run)");

        watch.Restart();
        var all = await reports.BreachesAsync(app.TenantId, Quarter, quarterEnd).CountAsync();
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"  all breach rows (unpaged list)",-36} {all} rows in {watch.Elapsed.TotalSeconds:F1} s (once; the report lists 100 per group a page)"));
    }

    /// <summary>The report, checking the cache answered as expected (Server-Timing), so hits and misses are what they are named.</summary>
    private static async Task GetAsync(HttpClient officer, string path, string? cache)
    {
        using var response = await officer.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        if (cache is not null && !timing.Contains($"cache;desc=\"{cache}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected a cache {cache}, got Server-Timing: {timing}");
        }
    }

    /// <summary>Records a step that moves nothing but is a case change (a to-do row, the marker moves).</summary>
    private static async Task RecordStepAsync(HttpClient platform, string caseId)
    {
        var body = $$"""{"kind":"disclosed-to-authority","occurredAt":"{{DateTimeOffset.UtcNow:O}}","reference":"bench"}""";
        using var response = await platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Step on {caseId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>p50 and p99 of <paramref name="count"/> sequential calls, in milliseconds; <paramref name="before"/> runs untimed before each.</summary>
    private static async Task<(double P50, double P99)> LatencyAsync(int count, Func<Task> call, Func<Task>? before = null)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var one = Stopwatch.StartNew();
            await call();
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (IntakeBenchmark.Percentile(times, 0.5), IntakeBenchmark.Percentile(times, 0.99));
    }

    private static double Median(List<(double P50, double P99)> runs, Func<(double P50, double P99), double> of) => runs.Select(of).Order().ElementAt(runs.Count / 2);

    private static void Latencies(string name, List<(double P50, double P99)> runs, string note) =>
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} p50 {Median(runs, r => r.P50),7:F1} ms ({runs.Min(r => r.P50):F1}–{runs.Max(r => r.P50):F1})   p99 {Median(runs, r => r.P99),7:F1} ms ({runs.Min(r => r.P99):F1}–{runs.Max(r => r.P99):F1})   {note}"));

    /// <summary>
    /// Notices accepted per second, then steps recorded per second on those cases, with and without
    /// the report to-do row; both apps run triage and the "with" app its fold, on one Azurite,
    /// rounds alternating.
    /// </summary>
    private static async Task IntakeCostAsync(AzuriteServer azurite, Settings settings)
    {
        await using var with = await AppUnderTest.StartAsync(azurite, "repon");
        await using var without = await AppUnderTest.StartAsync(azurite, "repoff", new() { ["TakedownFn__Reports__Rollups"] = "false", ["AzureWebJobs__FoldReports__Disabled"] = "true" });
        using var withClient = with.Client("platform", settings.Workers * 2);
        using var withoutClient = without.Client("platform", settings.Workers * 2);
        var withCases = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var withoutCases = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Func<int, Task<int>> Submit(HttpClient client, System.Collections.Concurrent.ConcurrentQueue<string> accepted, string prefix) => async i =>
        {
            using var response = await client.PostAsync(new Uri("/api/notices", UriKind.Relative), IntakeBenchmark.Json(IntakeBenchmark.Notice($"{prefix}-{i}")));
            response.EnsureSuccessStatusCode();
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            accepted.Enqueue(body.RootElement.GetProperty("caseId").GetString()!);
            return 1;
        };

        // Each step goes to the next case in turn, so concurrent workers rarely meet on one case;
        // a step that lost a race on the case's ETag (409) is not counted.
        Func<int, Task<int>> Step(HttpClient client, System.Collections.Concurrent.ConcurrentQueue<string> cases) => async _ =>
        {
            if (!cases.TryDequeue(out var caseId))
            {
                throw new InvalidOperationException("No accepted case left to record a step on.");
            }

            cases.Enqueue(caseId);
            using var response = await client.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), IntakeBenchmark.Json(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"notifier-informed","topic":"receipt-confirmed","occurredAt":"{{DateTimeOffset.UtcNow:O}}"}""")));
            if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                return 0;
            }

            response.EnsureSuccessStatusCode();
            return 1;
        };

        Report.Header("reports: the rollups' cost on the intake and step paths (triage and folds running; 3 alternating rounds each)");
        await Measurement.OperationsPerSecondAsync(Submit(withClient, withCases, "warm-on"), settings.Workers, TimeSpan.FromSeconds(0.5));
        await Measurement.OperationsPerSecondAsync(Submit(withoutClient, withoutCases, "warm-off"), settings.Workers, TimeSpan.FromSeconds(0.5));
        await AlternateAsync("POST /api/notices", n => Submit(withoutClient, withoutCases, $"off{n}"), n => Submit(withClient, withCases, $"on{n}"), settings, "notices/s");
        await AlternateAsync("POST /api/cases/{id}/steps", _ => Step(withoutClient, withoutCases), _ => Step(withClient, withCases), settings, "steps/s");
    }

    private static async Task AlternateAsync(string name, Func<int, Func<int, Task<int>>> without, Func<int, Func<int, Task<int>>> with, Settings settings, string unit)
    {
        var on = new List<double>();
        var off = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            off.Add(await Measurement.OperationsPerSecondAsync(without(round), settings.Workers, settings.Duration));
            on.Add(await Measurement.OperationsPerSecondAsync(with(round), settings.Workers, settings.Duration));
        }

        on.Sort();
        off.Sort();
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{name + ", without rollups",-44} median {off[1],7:F1} {unit}   ({off[0]:F1}–{off[2]:F1})"));
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{name + ", with rollups",-44} median {on[1],7:F1} {unit}   ({on[0]:F1}–{on[2]:F1})   ratio {on[1] / off[1]:F2}"));
    }
}
