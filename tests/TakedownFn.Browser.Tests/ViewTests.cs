using System.Globalization;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace TakedownFn.Browser.Tests;

/// <summary>The Now and Performance views show the figures the API gives.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Now_AtRiskStages_AreTheApisSortedByDeadlineWithRunningCountdowns()
    {
        var page = await fixture.SignedInPageAsync();
        var api = await fixture.GetJsonAsync("/api/sla/at-risk?within=P1D");
        var items = api.GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(items);
        Assert.Equal(items.Count.ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#at-risk-count"));
        var shownCases = await page.Locator("#at-risk tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(items.Select(i => i.GetProperty("caseId").GetString()), shownCases);
        var breaches = items.Count(i => i.GetProperty("status").GetString() == "breached");
        Assert.Equal(breaches.ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#breach-count"));
        Assert.Equal(api.GetProperty("surges").GetArrayLength().ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#surge-count"));

        // The countdown runs: its text changes while the page is open.
        var countdown = page.Locator("#at-risk tbody tr:first-child td:last-child");
        var first = await countdown.TextContentAsync();
        Assert.Matches(@"\d+ min \d\d s", first);
        await Expect(countdown).Not.ToHaveTextAsync(first!);
        await DashboardFixture.ScreenshotAsync(page, "now");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Performance_Totals_AreTheSlaReportsFigures()
    {
        var page = await fixture.SignedInPageAsync();
        await DashboardFixture.ShowAsync(page, "performance");
        var from = await page.InputValueAsync("#period-from");
        var to = await page.InputValueAsync("#period-to");
        var report = await fixture.GetJsonAsync($"/api/reports/sla?from={from}&to={to}&tz=UTC&groupBy=regime");
        var total = report.GetProperty("total");
        var act = total.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "act");

        Assert.Equal(total.GetProperty("received").GetInt32().ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#total-received"));
        Assert.Equal(total.GetProperty("valid").GetInt32().ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#total-valid"));
        Assert.Equal(Percent(act.GetProperty("shareMet")), await page.TextContentAsync("#total-share-met"));
        var regimes = report.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("received").GetInt32().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(regimes.Order(), (await page.Locator("#counts-regime tbody tr td:nth-child(2)").AllTextContentsAsync()).Order());
        Assert.True(await page.IsVisibleAsync("#chart-share-met"));
        Assert.True(await page.IsVisibleAsync("#chart-time-to-action"));
        await DashboardFixture.ScreenshotAsync(page, "performance");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Performance_PeriodPicker_ShowsThePickedPeriodsFigures()
    {
        var page = await fixture.SignedInPageAsync();
        await DashboardFixture.ShowAsync(page, "performance");
        // A period before any case was received: nothing counts.
        await page.FillAsync("#period-from", "2020-01-01");
        await page.FillAsync("#period-to", "2020-02-01");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#total-received")).ToHaveTextAsync("0");

        Assert.Equal(0, (await fixture.GetJsonAsync("/api/reports/sla?from=2020-01-01&to=2020-02-01&tz=UTC")).GetProperty("total").GetProperty("received").GetInt32());
        await page.Context.CloseAsync();
    }

    /// <summary>The page's en percent: one decimal at most (Intl.NumberFormat), "—" for none.</summary>
    private static string Percent(JsonElement share) =>
        share.ValueKind == JsonValueKind.Null ? "—" : (share.GetDouble() * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
