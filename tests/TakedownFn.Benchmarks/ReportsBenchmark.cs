using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using TakedownFn.Domain.Sla;
using TakedownFn.Reports;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Reports;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>
/// Issue 11's benchmark: a quarter's SLA report over <c>--report-cases</c> seeded cases (p50/p99 of
/// 100 requests, beside the bare range query of the same rollup rows), the reconciliation scan
/// over the same data, and the rollups' cost on intake (notices accepted per second with and
/// without the report to-do row, alternating rounds of the same run).
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
        Report.Header($"reports: a quarter's SLA report over {cases} seeded cases (rollups per UTC hour)");
        var options = new StorageClientSettings { NetworkTimeout = TimeSpan.FromMinutes(10) };
        var caseTable = azurite.Table("repcases", options);
        var reportTable = azurite.Table("repreports", options);
        var seeding = new CaseStore(caseTable, reportTodos: false);
        var reports = new ReportStore(reportTable);

        // Rows written directly, as accepting and recording would leave them (ReportSeed's eight
        // patterns), spread over the quarter; then their report rows, written in bulk from the same
        // contributions the fold computes, and checked by the reconciliation below.
        var spacing = TimeSpan.FromDays(91) / cases;
        var watch = Stopwatch.StartNew();
        var seeded = Enumerable.Range(0, cases).Select(i => ReportSeed.Case(app.TenantId, Quarter, i, i % 5 == 0 ? "trusted-flagger" : "right-holder", spacing)).ToList();
        await seeding.ImportAsync(app.TenantId, seeded);
        var caseSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var contributions = seeded.Select(c => ReportContributions.From(new CaseWithSteps(c.Case with { TenantId = app.TenantId }, c.Notice.ToArray(), c.Events), CalendarCatalog.Shipped)).ToList();
        var rollups = contributions.GroupBy(c => ReportKeys.Rollup(c.Hour, c.Dimensions)).Select(g =>
        {
            var figures = new Domain.Reports.SlaFigures();
            foreach (var c in g)
            {
                figures.Merge(c.Figures);
            }

            return ReportRows.Rollup(app.TenantId, new Domain.Reports.RollupRow(g.First().Hour, g.First().Dimensions, figures));
        }).ToList();
        IEnumerable<TableEntity> rows =
        [
            .. contributions.Select(c => ReportRows.Fact(app.TenantId, c)),
            .. rollups,
            .. contributions.SelectMany(c => c.Breaches.Select(b => ReportRows.Breach(app.TenantId, c.Hour, c.Dimensions, b))),
        ];
        foreach (var batch in rows.Chunk(100))
        {
            await reportTable.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        }

        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"seeded",-36} {cases} cases in {caseSeconds:F0} s, {rollups.Count} rollup rows in {watch.Elapsed.TotalSeconds:F0} s"));

        using var officer = app.Client("officer", 4);
        var path = $"/api/reports/sla?from={Quarter:yyyy-MM-dd}&to={Quarter.AddMonths(3):yyyy-MM-dd}&groupBy=regime,source,month";
        (await officer.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        var report = new List<double>();
        var floor = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var one = Stopwatch.StartNew();
            using (var response = await officer.GetAsync(new Uri(path, UriKind.Relative)))
            {
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }

            report.Add(one.Elapsed.TotalMilliseconds);
            one.Restart();
            await reports.RollupsAsync(app.TenantId, Quarter, Quarter.AddMonths(3));
            await reports.BreachesAsync(app.TenantId, Quarter, Quarter.AddMonths(3));
            floor.Add(one.Elapsed.TotalMilliseconds);
        }

        report.Sort();
        floor.Sort();
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"GET /api/reports/sla (quarter)",-36} p50 {IntakeBenchmark.Percentile(report, 0.5),7:F1} ms   p99 {IntakeBenchmark.Percentile(report, 0.99),7:F1} ms   (target p99 < 200 ms at 1,000,000 cases)"));
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"  floor: the same rows, bare SDK",-36} p50 {IntakeBenchmark.Percentile(floor, 0.5),7:F1} ms   p99 {IntakeBenchmark.Percentile(floor, 0.99),7:F1} ms   ratio p50 {IntakeBenchmark.Percentile(report, 0.5) / IntakeBenchmark.Percentile(floor, 0.5):F2}"));

        watch.Restart();
        var folding = new ReportFolding(new TenantStore(azurite.Table("reptenants", options)), new CaseStore(caseTable), reports, CalendarCatalog.Shipped, NullLogger<ReportFolding>.Instance);
        var result = await new ReportReconciliation(new CaseStore(caseTable), reports, folding, CalendarCatalog.Shipped).RunAsync(app.TenantId, repair: false, CancellationToken.None);
        Report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{"reconciliation scan",-36} {watch.Elapsed.TotalSeconds,7:F1} s   {result.Cases} cases, {result.Differences.Count} differences, percentiles within 1%: {result.Percentiles.All(p => p.WithinBound)}"));
    }

    /// <summary>Notices accepted per second with and without the report to-do row; both apps run triage and their folds, on one Azurite, rounds alternating.</summary>
    private static async Task IntakeCostAsync(AzuriteServer azurite, Settings settings)
    {
        await using var with = await AppUnderTest.StartAsync(azurite, "repon");
        await using var without = await AppUnderTest.StartAsync(azurite, "repoff", new() { ["TakedownFn__Reports__Rollups"] = "false", ["AzureWebJobs__FoldReports__Disabled"] = "true" });
        using var withClient = with.Client("platform", settings.Workers * 2);
        using var withoutClient = without.Client("platform", settings.Workers * 2);
        Func<int, Task<int>> Submit(HttpClient client, string prefix) => async i =>
        {
            using var response = await client.PostAsync(new Uri("/api/notices", UriKind.Relative), IntakeBenchmark.Json(IntakeBenchmark.Notice($"{prefix}-{i}")));
            response.EnsureSuccessStatusCode();
            return 1;
        };

        Report.Header("reports: the rollups' cost on intake (POST /api/notices, triage and folds running; 3 alternating rounds each)");
        await Measurement.OperationsPerSecondAsync(Submit(withClient, "warm-on"), settings.Workers, TimeSpan.FromSeconds(0.5));
        await Measurement.OperationsPerSecondAsync(Submit(withoutClient, "warm-off"), settings.Workers, TimeSpan.FromSeconds(0.5));
        var on = new List<double>();
        var off = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            off.Add(await Measurement.OperationsPerSecondAsync(Submit(withoutClient, $"off{round}"), settings.Workers, settings.Duration));
            on.Add(await Measurement.OperationsPerSecondAsync(Submit(withClient, $"on{round}"), settings.Workers, settings.Duration));
        }

        on.Sort();
        off.Sort();
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"without rollups",-36} median {off[1],7:F1} notices/s   ({off[0]:F1}–{off[2]:F1})"));
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"{"with rollups",-36} median {on[1],7:F1} notices/s   ({on[0]:F1}–{on[2]:F1})   ratio {on[1] / off[1]:F2}"));
    }
}
