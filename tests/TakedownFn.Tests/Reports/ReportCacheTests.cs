using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Reports;
using TakedownFn.Storage.Reports;
using TakedownFn.Tenants;
using TakedownFn.Testing;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Reports;

/// <summary>
/// The report cache: a report nothing changed since is served from memory (<c>Server-Timing:
/// cache;desc="hit"</c>) with the same bytes, and every change a user can make, on this instance or
/// another, or a reconciliation repair, makes the next report a miss with the new figures.
/// </summary>
public sealed class ReportCacheTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    private static readonly string Period = string.Create(CultureInfo.InvariantCulture,
        $"from={DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTimeOffset.UtcNow.AddDays(2):yyyy-MM-dd}");

    private readonly AzuriteFixture azurite = azurite;

    [Fact]
    public async Task GetSlaReport_Repeated_HitWithSameBytes()
    {
        await TriagedCaseAsync(Tenant);
        await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        // The first report folded the new case; from here on nothing is pending.
        var first = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");
        var second = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        Assert.Equal("hit", second.Cache);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1, Received(second));
    }

    [Fact]
    public async Task GetSlaReport_StepRecordedBetween_MissWithNewFigures()
    {
        var caseId = await TriagedCaseAsync(Tenant);
        await WarmAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        await RecordStepAsync(Tenant.Platform, caseId, new JsonObject { ["kind"] = "content-removed" });
        var after = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        Assert.Equal("miss", after.Cache);
        Assert.Equal(1, Removed(after));
    }

    [Fact]
    public async Task GetSlaReport_NoticeAcceptedBetween_MissWithNewFigures()
    {
        await TriagedCaseAsync(Tenant);
        await WarmAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        await TriagedCaseAsync(Tenant);
        var after = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        Assert.Equal("miss", after.Cache);
        Assert.Equal(2, Received(after));
    }

    [Fact]
    public async Task GetSlaReport_StepRecordedOnOtherInstance_ShownByThisOne()
    {
        var caseId = await TriagedCaseAsync(Tenant);
        await WarmAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        // A second instance of the same deployment (same storage, same prefix) records the step.
        await using var other = new TakedownFnFactory(azurite.Server, storagePrefix: App.StoragePrefix);
        await other.WaitUntilReadyAsync();
        var key = await other.Services.GetRequiredService<TenantAdministration>().IssueKeyAsync(Tenant.TenantId, Role.Platform, CancellationToken.None);
        await RecordStepAsync(other.ClientWithKey(key.Key), caseId, new JsonObject { ["kind"] = "content-removed" });

        var after = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");
        Assert.Equal("miss", after.Cache);
        Assert.Equal(1, Removed(after));
    }

    [Fact]
    public async Task GetSlaReport_RepairAfterDrift_MissWithRepairedFigures()
    {
        await TriagedCaseAsync(Tenant);
        await WarmAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        // A day rollup row drifts outside the fold (a case it never had): the cached report cannot see it.
        var reports = App.Services.GetRequiredService<ReportStore>();
        var (_, day) = (await reports.AllRowsAsync(Tenant.TenantId, ReportKeys.DaysFrom, ReportKeys.DaysTo)).Single();
        var figures = ReportJson.ReadFigures(day);
        figures.Increment("received");
        var drifted = new TableEntity(day);
        ReportJson.WriteFigures(drifted, figures);
        await reports.Table.UpdateEntityAsync(drifted, day.ETag, TableUpdateMode.Replace);
        Assert.Equal(2, Received(await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}&groupBy=regime")));
        var cached = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");
        Assert.Equal(("hit", 1L), (cached.Cache, Received(cached)));

        var result = await App.Services.GetRequiredService<ReportReconciliation>().RunAsync(Tenant.TenantId, repair: true, CancellationToken.None);

        Assert.True(result.Repaired);
        foreach (var path in new[] { $"/api/reports/sla?{Period}", $"/api/reports/sla?{Period}&groupBy=regime" })
        {
            var after = await GetAsync(Tenant.Officer, path);
            Assert.Equal(("miss", 1L), (after.Cache, Received(after)));
        }
    }

    [Fact]
    public async Task GetSlaReport_TwoTenants_EachSeesOnlyItsOwn()
    {
        await TriagedCaseAsync(Tenant);
        await WarmAsync(Tenant.Officer, $"/api/reports/sla?{Period}");
        var other = await App.CreateTenantAsync("Other platform");
        await TriagedCaseAsync(other);
        await TriagedCaseAsync(other);

        var theirs = await WarmAsync(other.Officer, $"/api/reports/sla?{Period}");
        var ours = await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        Assert.Equal(2, Received(theirs));
        Assert.Equal(("hit", 1L), (ours.Cache, Received(ours)));
    }

    [Fact]
    public async Task GetReports_DifferentParameters_NeverShareAnEntry()
    {
        await TriagedCaseAsync(Tenant);
        await WarmAsync(Tenant.Officer, $"/api/reports/sla?{Period}");

        var queries = new[] { "&groupBy=regime", "&groupBy=source", "&tz=Europe/Berlin", "&breaches=1", "&groupBy=day" }
            .Select(q => $"/api/reports/sla?{Period}{q}")
            .Append($"/api/reports/sla?from={DateTimeOffset.UtcNow.AddDays(-2):yyyy-MM-dd}&to={DateTimeOffset.UtcNow.AddDays(2):yyyy-MM-dd}")
            .Append($"/api/reports/dsa-transparency?{Period}");
        foreach (var path in queries)
        {
            var first = await GetAsync(Tenant.Officer, path);
            var second = await GetAsync(Tenant.Officer, path);
            Assert.Equal(("miss", "hit"), (first.Cache, second.Cache));
            Assert.Equal(first.Body, second.Body);
        }

        var regime = JsonDocument.Parse(await GetBodyAsync("&groupBy=regime")).RootElement;
        Assert.Equal("us-dmca", regime.GetProperty("groups")[0].GetProperty("key").GetProperty("regime").GetString());
    }

    private async Task<string> GetBodyAsync(string query) => (await GetAsync(Tenant.Officer, $"/api/reports/sla?{Period}{query}")).Body;

    /// <summary>
    /// Asks three times: the first folds what is pending (built from storage, not cached), the second
    /// is built and cached (nothing pending), so the third must be a hit.
    /// </summary>
    private static async Task<Answer> WarmAsync(HttpClient client, string path)
    {
        await GetAsync(client, path);
        await GetAsync(client, path);
        var warm = await GetAsync(client, path);
        Assert.Equal("hit", warm.Cache);
        return warm;
    }

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        var cache = timing.Contains("cache;desc=\"hit\"", StringComparison.Ordinal) ? "hit"
            : timing.Contains("cache;desc=\"miss\"", StringComparison.Ordinal) ? "miss" : timing;
        return new Answer(body, cache);
    }

    private static long Received(Answer answer) =>
        JsonDocument.Parse(answer.Body).RootElement.GetProperty("total").GetProperty("received").GetInt64();

    private static long Removed(Answer answer) =>
        JsonDocument.Parse(answer.Body).RootElement.GetProperty("total").GetProperty("actioned").GetProperty("removed").GetInt64();

    private sealed record Answer(string Body, string Cache);
}
