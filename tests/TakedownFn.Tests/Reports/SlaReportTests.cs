using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Reports;
using TakedownFn.Storage;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Reports;
using static TakedownFn.Testing.ReportSeed;

namespace TakedownFn.Tests.Reports;

/// <summary>
/// The SLA report and its reconciliation over 2,400 seeded cases (300 of each <see cref="Pattern"/>),
/// against figures computed by hand from the patterns.
/// </summary>
public class SlaReportTests(SeededReports seeded) : IClassFixture<SeededReports>
{
    private const int PerPattern = SeededReports.PerPattern;
    private const int Cases = SeededReports.Cases;
    private const string Period = "from=2026-10-01&to=2026-10-13";
    private static readonly DateTimeOffset Start = SeededReports.Start;

    private TakedownFnFactory App => seeded.App;

    private TestTenant Tenant => seeded.Tenant;

    [Fact]
    public async Task GetSlaReport_SeededPatterns_CountsAsComputedByHand()
    {
        var report = await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=regime&breaches=1000");

        var group = Assert.Single(report.GetProperty("groups").EnumerateArray());
        Assert.Equal("us-dmca", group.GetProperty("key").GetProperty("regime").GetString());
        Assert.Equal(Cases, group.GetProperty("received").GetInt64());
        Assert.Equal(7 * PerPattern, group.GetProperty("valid").GetInt64());
        Assert.Equal(PerPattern, group.GetProperty("incomplete").GetInt64());
        Assert.Equal(PerPattern, group.GetProperty("supplemented").GetInt64());
        Assert.Equal(Enumerable.Range(0, Cases).Sum(i => 1 + (i % 3)), group.GetProperty("items").GetInt64());
        Assert.Equal(5 * PerPattern, group.GetProperty("actioned").GetProperty("removed").GetInt64());
        Assert.Equal(PerPattern, group.GetProperty("actioned").GetProperty("disabled").GetInt64());
        Assert.Equal(2 * PerPattern, group.GetProperty("stillOpen").GetInt64());

        var act = Stage(group, "act");
        Assert.Equal(5 * PerPattern, act.GetProperty("outcomes").GetProperty("met").GetInt64());
        Assert.Equal(PerPattern, act.GetProperty("outcomes").GetProperty("breached").GetInt64());
        Assert.Equal(PerPattern, act.GetProperty("outcomes").GetProperty("overdue").GetInt64());
        Assert.Equal(PerPattern, act.GetProperty("outcomes").GetProperty("paused").GetInt64());
        Assert.Equal(0, act.GetProperty("outcomes").GetProperty("open").GetInt64());
        Assert.Equal(Math.Round(5.0 / 7, 4), act.GetProperty("shareMet").GetDouble());
        Assert.Equal(6 * PerPattern, act.GetProperty("completed").GetInt64());

        // 900 × 30 min, 300 × 60 min, 300 × 60 min + 1 ms, 300 × 80 min.
        AssertWithinBound(30 * 60, act.GetProperty("p50Seconds").GetDouble());
        AssertWithinBound(80 * 60, act.GetProperty("p90Seconds").GetDouble());
        AssertWithinBound(80 * 60, act.GetProperty("p99Seconds").GetDouble());
        AssertWithinBound(80 * 60, act.GetProperty("maxSeconds").GetDouble());

        var acknowledge = Stage(group, "acknowledge");
        Assert.Equal(PerPattern, acknowledge.GetProperty("outcomes").GetProperty("met").GetInt64());
        Assert.Equal(7 * PerPattern, acknowledge.GetProperty("outcomes").GetProperty("open").GetInt64());
        AssertWithinBound(10 * 60, acknowledge.GetProperty("p50Seconds").GetDouble());

        var breaches = group.GetProperty("breaches").EnumerateArray().ToList();
        Assert.Equal(2 * PerPattern, breaches.Count);
        Assert.Equal(2 * PerPattern, group.GetProperty("breachCount").GetInt64());
        Assert.False(report.TryGetProperty("breachesNext", out _));
        Assert.Equal(PerPattern, breaches.Count(b => b.GetProperty("reason").GetString() == "completed-late" && b.GetProperty("margin").GetString() == "-00:00:00.0010000"));
        Assert.Equal(PerPattern, breaches.Count(b => b.GetProperty("reason").GetString() == "not-completed" && b.GetProperty("margin").GetString() == "-00:00:30"));
        Assert.Equal(0.01, report.GetProperty("percentileRelativeErrorBound").GetDouble());
    }

    [Fact]
    public async Task GetSlaReport_BySourceAndLocalDay_SplitsAsComputedByHand()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var report = await GetJsonAsync($"/api/reports/sla?{Period}&tz=Asia/Shanghai&groupBy=source,day");

        // Local midnight in Shanghai is 16:00 UTC the day before: the period starts there.
        var from = new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 10, 12, 16, 0, 0, TimeSpan.Zero);
        var expected = Enumerable.Range(0, Cases)
            .Where(i => ReceivedAt(Start, i) >= from && ReceivedAt(Start, i) < to)
            .GroupBy(i => (Source: SeededReports.RoleOf(i), Day: TimeZoneInfo.ConvertTime(ReceivedAt(Start, i), shanghai).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToDictionary(g => g.Key, g => g.Count());
        var actual = report.GetProperty("groups").EnumerateArray().ToDictionary(
            g => (g.GetProperty("key").GetProperty("source").GetString()!, g.GetProperty("key").GetProperty("day").GetString()!),
            g => (int)g.GetProperty("received").GetInt64());
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal(expected.Values.Sum(), report.GetProperty("total").GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task GetSlaReport_AcceptCsv_OneRowPerGroupAndStage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/sla?{Period}&groupBy=source");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await Tenant.Officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["source", "received"], header[..2]);
        Assert.Equal(1 + 2 * 2, lines.Length);
        var rows = lines[1..].Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        var trustedAct = rows.Single(r => r["source"] == "trusted-flagger" && r["stage"] == "act");
        Assert.Equal((Cases / 5).ToString(CultureInfo.InvariantCulture), trustedAct["received"]);

        // Acknowledge is completed only by the corrected pattern, so no trusted-flagger case... is
        // counted there unless i % 8 == 6 and i % 5 == 0: 60 cases.
        var trustedAck = rows.Single(r => r["source"] == "trusted-flagger" && r["stage"] == "acknowledge");
        Assert.Equal(Enumerable.Range(0, Cases).Count(i => i % 5 == 0 && PatternOf(i) == Pattern.Corrected).ToString(CultureInfo.InvariantCulture), trustedAck["met"]);
    }

    [Fact]
    public async Task Fold_RedeliveredChange_CountsOnce()
    {
        var before = await GetJsonAsync($"/api/reports/sla?{Period}");

        // A redelivered message rewrites the case's to-do row; a stale fold (one that did not see the
        // fact row) tries to add the case again.
        var table = App.Services.GetRequiredService<StorageClients>().Cases;
        var redelivered = Enumerable.Range(0, Cases).Where(i => PatternOf(i) == Pattern.Redelivered).Take(50).ToList();
        var caseIds = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Tenant.TenantId} and RowKey gt {"c|"} and RowKey lt {"c}"} and PlatformReference eq {"seed-" + redelivered[0]}"), select: ["CaseId"]))
        {
            caseIds.Add(row.GetString("CaseId"));
        }

        var caseId = Assert.Single(caseIds);
        await table.UpsertEntityAsync(new TableEntity(Tenant.TenantId, CaseKeys.ReportTodo(caseId)) { ["CaseId"] = caseId });
        var stored = await App.Services.GetRequiredService<CaseStore>().GetWithStepsAsync(Tenant.TenantId, caseId);
        var contribution = ReportContributions.From(stored!, Domain.Sla.CalendarCatalog.Shipped);
        var folded = await App.Services.GetRequiredService<ReportStore>().FoldAsync(Tenant.TenantId, [new FoldChange(null, contribution)]);

        Assert.Empty(folded);
        var after = await GetJsonAsync($"/api/reports/sla?{Period}");
        Assert.Equal(before.GetProperty("total").GetRawText(), after.GetProperty("total").GetRawText());
    }

    [Fact]
    public async Task Reconcile_DriftedRollup_ReportedAndRepaired()
    {
        var reconciliation = App.Services.GetRequiredService<ReportReconciliation>();
        var clean = await reconciliation.RunAsync(Tenant.TenantId, repair: false, CancellationToken.None);
        Assert.Empty(clean.Differences);
        Assert.Equal(Cases, clean.Cases);
        Assert.All(clean.Percentiles, p => Assert.True(p.WithinBound, $"{p.Stage} {p.Percentile}: {p.RollupSeconds} vs {p.ExactSeconds}"));
        var act = clean.Percentiles.Single(p => p.Stage == "act" && p.Percentile == "p50");
        Assert.Equal(30 * 60, act.ExactSeconds);
        var original = await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=source");

        // Drift: one day rollup row (what a report of whole days reads) and one hour rollup row each
        // gain a case they never had, a breach row is lost.
        var reports = App.Services.GetRequiredService<ReportStore>();
        var (key, figures) = await DriftFirstAsync(reports, ReportKeys.DaysFrom, ReportKeys.DaysTo);
        var (hourKey, _) = await DriftFirstAsync(reports, ReportKeys.RollupsFrom, ReportKeys.RollupsTo);
        var breach = (await reports.AllRowsAsync(Tenant.TenantId, ReportKeys.BreachesFrom, ReportKeys.BreachesTo)).Keys.Order(StringComparer.Ordinal).First();
        await reports.Table.DeleteEntityAsync(Tenant.TenantId, breach);
        // A drift outside the fold is not seen by a report cached before it (groupBy=source may be), but
        // by one built now; after the repair that one must not be served from the cache any more.
        var wrong = await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=severity,source");
        Assert.Equal(Cases + 1, wrong.GetProperty("total").GetProperty("received").GetInt64());

        var found = await reconciliation.RunAsync(Tenant.TenantId, repair: true, CancellationToken.None);

        Assert.Equal(3, found.Differences.Count);
        Assert.Equal("differs", found.Differences.Single(d => d.Row == hourKey).Kind);
        var rollup = found.Differences.Single(d => d.Row == key);
        Assert.Equal("differs", rollup.Kind);
        Assert.Equal([$"received: {figures.Count("received")} → {figures.Count("received") - 1}"], rollup.Counters);
        Assert.Equal("missing", found.Differences.Single(d => d.Row == breach).Kind);
        Assert.True(found.Repaired);
        var again = await reconciliation.RunAsync(Tenant.TenantId, repair: false, CancellationToken.None);
        Assert.Empty(again.Differences);
        var repaired = await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=source");
        Assert.Equal(original.GetProperty("groups").GetRawText(), repaired.GetProperty("groups").GetRawText());
        var rebuilt = await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=severity,source");
        Assert.Equal(original.GetProperty("total").GetRawText(), rebuilt.GetProperty("total").GetRawText());
    }

    [Fact]
    public async Task GetDsaTransparency_SamePeriod_AgreesWithSlaReport()
    {
        var sla = (await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=regime")).GetProperty("total");
        var dsa = await GetJsonAsync($"/api/reports/dsa-transparency?{Period}&regimes=us-dmca");

        var identification = dsa.GetProperty("identification");
        Assert.Equal("2026-10-01", identification.GetProperty("Starting date of reporting period").GetString());
        Assert.Equal("2026-10-12", identification.GetProperty("Ending date of reporting period").GetString());
        var rows = dsa.GetProperty("notices").EnumerateArray().ToList();
        Assert.Equal(["STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "TOTAL"], rows.Select(r => r.GetProperty("Category").GetString()));
        var total = rows[^1];
        Assert.Equal(sla.GetProperty("received").GetInt64().ToString(CultureInfo.InvariantCulture), total.GetProperty("Number of notices received").GetString());
        Assert.Equal((Cases / 5).ToString(CultureInfo.InvariantCulture), total.GetProperty("Number of notices received from Trusted flaggers").GetString());
        Assert.Equal(sla.GetProperty("items").GetInt64().ToString(CultureInfo.InvariantCulture), total.GetProperty("Number of specific items of information included in the total number of notices").GetString());
        var actioned = sla.GetProperty("actioned");
        var actions = actioned.GetProperty("removed").GetInt64() + actioned.GetProperty("disabled").GetInt64() + actioned.GetProperty("restricted").GetInt64() + actioned.GetProperty("labelled").GetInt64();
        Assert.Equal(6 * PerPattern, actions);
        Assert.Equal(actions.ToString(CultureInfo.InvariantCulture), total.GetProperty("Number of actions taken on the basis of the law").GetString());

        // The act stage's median is 30 minutes: 0.50 hours within the 1% bound.
        Assert.Equal("0.50", total.GetProperty("Median time to take action (hours)").GetString());
        var dsaOnly = await GetJsonAsync($"/api/reports/dsa-transparency?{Period}");
        Assert.Equal("0", dsaOnly.GetProperty("notices").EnumerateArray().Single().GetProperty("Number of notices received").GetString());
        Assert.Equal(string.Empty, dsaOnly.GetProperty("notices").EnumerateArray().Single().GetProperty("Median time to take action (hours)").GetString());
    }

    [Fact]
    public async Task GetDsaTransparency_AcceptCsv_TemplateColumns()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/dsa-transparency?{Period}&regimes=us-dmca&part=identification");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await Tenant.Officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name of the service provider,Date of the publication of the report,Date of the publication of the latest previous report,Starting date of reporting period,Ending date of reporting period", lines[0]);
        Assert.EndsWith(",,2026-10-01,2026-10-12", lines[1], StringComparison.Ordinal);
        var officerOnly = await Tenant.Auditor.GetAsync(new Uri($"/api/reports/dsa-transparency?{Period}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, officerOnly.StatusCode);
    }

    [Theory]
    [InlineData("to=2026-10-13", "from")]
    [InlineData("from=2026-10-01&to=2026-10-13&groupBy=regime,colour", "groupBy")]
    [InlineData("from=2026-10-01&to=2026-10-13&groupBy=day,month", "groupBy")]
    [InlineData("from=2026-10-01&to=2026-10-13&tz=Mars/Olympus", "tz")]
    [InlineData("from=2026-10-13&to=2026-10-01", "to")]
    [InlineData("from=2026-10-01T00:30:00Z&to=2026-10-13", "from")]
    [InlineData("from=2026-10-01T00:00:00Z&to=2026-10-13T00:00:00Z&tz=Asia/Kolkata&groupBy=day", "tz")]
    [InlineData("from=2026-10-01&to=2026-10-13&breaches=0", "breaches")]
    [InlineData("from=2026-10-01&to=2026-10-13&breaches=1001", "breaches")]
    [InlineData("from=2026-10-01&to=2026-10-13&breaches=ten", "breaches")]
    [InlineData("from=2026-10-01&to=2026-10-13&breachesAfter=bm90LWEtdG9rZW4", "breachesAfter")]
    [InlineData("from=2026-10-01&to=2026-10-13&breachesAfter=%%%", "breachesAfter")]
    public async Task GetSlaReport_BadParameter_ProblemNamesIt(string query, string field)
    {
        var response = await Tenant.Officer.GetAsync(new Uri($"/api/reports/sla?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task GetSlaReport_PlatformKey_Forbidden()
    {
        var response = await Tenant.Platform.GetAsync(new Uri($"/api/reports/sla?{Period}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetSlaReport_BreachPages_EachBreachOnceWithExactCount()
    {
        var listed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var report = await GetJsonAsync($"/api/reports/sla?{Period}&groupBy=source&breaches=100" + (token is null ? string.Empty : $"&breachesAfter={token}"));
            var groups = report.GetProperty("groups").EnumerateArray().ToList();
            Assert.All(groups, g => Assert.True(g.GetProperty("breaches").GetArrayLength() <= 100));
            Assert.Equal(2 * PerPattern, report.GetProperty("total").GetProperty("breachCount").GetInt64());
            Assert.Equal(groups.Sum(g => g.GetProperty("breaches").GetArrayLength()), report.GetProperty("total").GetProperty("breaches").GetArrayLength());
            listed.AddRange(groups.SelectMany(g => g.GetProperty("breaches").EnumerateArray().Select(b => $"{b.GetProperty("caseId").GetString()}/{b.GetProperty("stage").GetString()}")));
            token = report.TryGetProperty("breachesNext", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 100);

        // 480 trusted-flagger and 1,920 right-holder cases, a quarter of each breached: the right
        // holders' 480 breaches need five pages of 100, and no breach is listed twice or skipped.
        Assert.Equal(5, pages);
        Assert.Equal(2 * PerPattern, listed.Count);
        Assert.Equal(2 * PerPattern, listed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task GetSlaReport_PeriodCutInsideDays_CountsAsComputedByHand()
    {
        // 2026-10-01T05:00Z to 2026-10-12T19:00Z: two partial days read from hours, ten whole days from
        // the day tier; Berlin's month bucket splits nothing here. Counted by hand from the seed.
        var from = new DateTimeOffset(2026, 10, 1, 5, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 10, 12, 19, 0, 0, TimeSpan.Zero);
        var report = await GetJsonAsync($"/api/reports/sla?from={from:yyyy-MM-ddTHH:mm:ssZ}&to={to:yyyy-MM-ddTHH:mm:ssZ}&tz=Europe/Berlin&groupBy=source,month");

        var expected = Enumerable.Range(0, Cases).Where(i => ReceivedAt(Start, i) >= from && ReceivedAt(Start, i) < to).ToList();
        Assert.Equal(expected.Count, report.GetProperty("total").GetProperty("received").GetInt64());
        var trusted = report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetProperty("source").GetString() == "trusted-flagger");
        Assert.Equal(expected.Count(i => i % 5 == 0), trusted.GetProperty("received").GetInt64());
        Assert.Equal(expected.Count(i => i % 5 == 0 && PatternOf(i) is Pattern.BreachedByOneMillisecond or Pattern.Overdue), trusted.GetProperty("breachCount").GetInt64());
    }

    private async Task<(string Key, Domain.Reports.SlaFigures Figures)> DriftFirstAsync(ReportStore reports, string from, string to)
    {
        var rows = await reports.AllRowsAsync(Tenant.TenantId, from, to);
        var (key, entity) = rows.OrderBy(r => r.Key, StringComparer.Ordinal).First();
        var figures = ReportJson.ReadFigures(entity);
        figures.Increment("received");
        var drifted = new TableEntity(entity);
        ReportJson.WriteFigures(drifted, figures);
        await reports.Table.UpdateEntityAsync(drifted, entity.ETag, TableUpdateMode.Replace);
        return (key, figures);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Tenant.Officer.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Stage(JsonElement group, string stage) =>
        group.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == stage);

    private static void AssertWithinBound(double expectedSeconds, double actualSeconds) =>
        Assert.True(Math.Abs(actualSeconds - expectedSeconds) <= 0.01 * expectedSeconds, $"{actualSeconds} s is not within 1% of {expectedSeconds} s");
}
