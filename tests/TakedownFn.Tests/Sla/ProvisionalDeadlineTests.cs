using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Auth;
using TakedownFn.Sla;
using TakedownFn.Tenants;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>
/// A China deadline that runs into a year without official holiday data is computed from the statute
/// and marked provisional; when the year's data file is added, the deadline is recomputed and the
/// change recorded as a step.
/// </summary>
public sealed class ProvisionalDeadlineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    /// <summary>A hypothetical official 2027 arrangement: Spring Festival 5–11 Feb (a day longer than the statute's derivation).</summary>
    private const string Official2027 = """
        {
          "id": "cn", "timeZone": "Asia/Shanghai", "weekend": ["saturday", "sunday"], "years": [2027],
          "holidays": [
            { "from": "2027-01-01", "to": "2027-01-03", "name": "New Year's Day" },
            { "from": "2027-02-05", "to": "2027-02-11", "name": "Spring Festival" }
          ],
          "workingDays": [ { "date": "2027-01-10", "name": "New Year adjusted working day (Sunday)" } ]
        }
        """;

    private readonly string calendarDirectory = Directory.CreateTempSubdirectory("takedownfn-calendars-").FullName;

    // Thu 2027-01-21 10:00 in Beijing: the counter-notice is forwarded now, so the Civil Code 1195
    // restoration window (not before 15 days) ends over Spring Festival 2027, which has no data yet.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2027-01-21T02:00:00Z", CultureInfo.InvariantCulture));

    public void Dispose() => Directory.Delete(calendarDirectory, recursive: true);

    [Fact]
    public async Task OfficialYearAdded_ProvisionalDeadlineIsRecomputedAndTheChangeRecorded()
    {
        string prefix, tenantId, caseId;
        await using (var first = new TakedownFnFactory(azurite.Server, services: UseClock))
        {
            prefix = first.StoragePrefix;
            var tenant = await first.CreateTenantAsync();
            tenantId = tenant.TenantId;
            caseId = await CounterNoticeForwardedAsync(tenant);

            var view = await tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            var window = Stage(view, "counter-notice-restoration");
            var listed = await tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases");

            // Derived: off Fri 02-05 to Wed 02-10, so the minimum runs to the end of Thu 02-11 (Beijing).
            Assert.Equal((At("2027-02-11T16:00:00Z"), At("2027-02-12T16:00:00Z"), true),
                (window.GetProperty("earliest").GetDateTimeOffset(), window.GetProperty("dueAt").GetDateTimeOffset(), window.GetProperty("provisional").GetBoolean()));
            Assert.False(Stage(view, "act").GetProperty("provisional").GetBoolean()); // hours: no calendar day counted
            var listedWindow = listed.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == caseId)
                .GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "counter-notice-restoration");
            Assert.True(listedWindow.GetProperty("provisional").GetBoolean());
            Assert.Empty(Steps(view, "deadline-recomputed"));
        }

        // The 2027 data file is added and the same deployment starts again.
        await File.WriteAllTextAsync(Path.Combine(calendarDirectory, "calendar.cn-2027.json"), Official2027);
        await using var second = new TakedownFnFactory(
            azurite.Server, new Dictionary<string, string> { ["TakedownFn:Sla:CalendarDirectory"] = calendarDirectory }, prefix, UseClock);
        await second.WaitUntilReadyAsync();
        var officer = second.ClientWithKey((await second.Services.GetRequiredService<TenantAdministration>().IssueKeyAsync(tenantId, Role.Officer, CancellationToken.None)).Key);

        var after = await WaitForStepAsync(officer, caseId, "deadline-recomputed");

        var step = Assert.Single(Steps(after, "deadline-recomputed"));
        var change = Assert.Single(step.GetProperty("details").GetProperty("changes").EnumerateArray());
        Assert.Equal(
            ("counter-notice-restoration", At("2027-02-12T16:00:00Z"), At("2027-02-13T16:00:00Z"), true, false, "cn:2025,2026", "cn:2025,2026,2027"),
            (change.GetProperty("stage").GetString(), change.GetProperty("from").GetDateTimeOffset(), change.GetProperty("to").GetDateTimeOffset(),
             change.GetProperty("wasProvisional").GetBoolean(), change.GetProperty("provisional").GetBoolean(),
             change.GetProperty("computedWith").GetString(), change.GetProperty("recomputedWith").GetString()));
        Assert.Equal("service", step.GetProperty("actor").GetString());
        var recomputed = Stage(after, "counter-notice-restoration");
        Assert.Equal((At("2027-02-13T16:00:00Z"), false), (recomputed.GetProperty("dueAt").GetDateTimeOffset(), recomputed.GetProperty("provisional").GetBoolean()));

        // Idempotent: another pass (a second instance's sweep) finds nothing left to recompute.
        Assert.Equal(0, await second.Services.GetRequiredService<ProvisionalDeadlines>().RecomputeTenantAsync(tenantId, CancellationToken.None));
        var again = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Single(Steps(again, "deadline-recomputed"));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private void UseClock(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
    }

    /// <summary>A Civil Code 1195 notice, actioned, countered, and the counter-notice forwarded to the notifier now.</summary>
    private async Task<string> CounterNoticeForwardedAsync(TestTenant tenant)
    {
        var notice = new JsonObject
        {
            ["regime"] = "cn-civil-code-1195",
            ["category"] = "reputation",
            ["items"] = new JsonArray(new JsonObject { ["url"] = "https://forum.example/t/42" }),
            ["notifier"] = new JsonObject { ["name"] = "Notifier Name", ["contact"] = new JsonObject { ["email"] = "n@example.cn" }, ["role"] = "victim" },
            ["explanation"] = "The post makes false claims about me.",
            ["evidence"] = new JsonArray("screenshot archived as case file 42"),
            ["platformReference"] = $"ref-{Guid.NewGuid():N}",
            ["receivedAt"] = clock.GetUtcNow().AddMinutes(-5).ToString("O"),
        };
        var response = await tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var triaged = await Eventually.GetJsonAsync(tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal(("triaged", "valid"), (triaged.GetProperty("state").GetString(), triaged.GetProperty("validation").GetString()));
        var now = clock.GetUtcNow().ToString("O");
        foreach (var kind in new[] { "content-removed", "counter-notice-received", "counter-notice-forwarded-to-notifier" })
        {
            await RecordStepAsync(tenant.Platform, caseId, new JsonObject { ["kind"] = kind, ["occurredAt"] = now });
        }

        return caseId;
    }
}
