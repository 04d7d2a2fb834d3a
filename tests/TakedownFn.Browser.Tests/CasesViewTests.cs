using System.Text;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace TakedownFn.Browser.Tests;

/// <summary>The Cases view: the API's cases, a case's stages, steps and incident, and its evidence downloads.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CasesViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Cases_List_IsTheApisPage()
    {
        var page = await fixture.SignedInPageAsync();
        await DashboardFixture.ShowAsync(page, "cases");
        var api = await fixture.GetJsonAsync("/api/cases?pageSize=20");

        var shown = await page.Locator("#case-list tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(api.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()), shown);
        foreach (var id in fixture.CaseIds)
        {
            Assert.Contains(id, shown);
        }

        await DashboardFixture.ScreenshotAsync(page, "cases");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cases_RegimeFilter_ShowsOnlyThatRegime()
    {
        var page = await fixture.SignedInPageAsync();
        await DashboardFixture.ShowAsync(page, "cases");
        await page.FillAsync("#filter-regime", "cn-personal-info");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#case-list tbody tr")).ToHaveCountAsync(2);

        var shown = await page.Locator("#case-list tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(fixture.CaseIds.Skip(3).Order(), shown.Order());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Case_Detail_ShowsItsStagesStepsAndIncidentAndDownloadsItsEvidence()
    {
        var id = fixture.CaseIds[3];
        // A viewer in New York: deadlines counted in China's local days also show Beijing time.
        var page = await fixture.SignedInPageAsync(fixture.Keys.Officer, "America/New_York");
        await DashboardFixture.ShowAsync(page, "cases");
        await page.ClickAsync($"#case-list button[data-case-id='{id}']");
        await page.WaitForSelectorAsync("main[data-ready='case']");
        var api = await fixture.GetJsonAsync($"/api/cases/{id}");

        Assert.Equal(api.GetProperty("deadlines").GetArrayLength(), await page.Locator("#case-stages tbody tr").CountAsync());
        Assert.Equal(api.GetProperty("timeline").GetArrayLength(), await page.Locator("#case-steps tbody tr").CountAsync());
        var deadlines = api.GetProperty("deadlines").EnumerateArray().ToList();
        for (var i = 0; i < deadlines.Count; i++)
        {
            var zone = deadlines[i].TryGetProperty("timeZone", out var z) ? z.GetString() : null;
            var cell = await page.Locator($"#case-stages tbody tr:nth-child({i + 1}) td:nth-child(3)").TextContentAsync();
            if (deadlines[i].GetProperty("dueAt").ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            Assert.Contains("EST", cell, StringComparison.Ordinal);
            if (zone is not null)
            {
                Assert.Contains("regime time: ", cell, StringComparison.Ordinal);
                Assert.EndsWith($"GMT+8, {zone}", cell, StringComparison.Ordinal);
            }
        }

        Assert.Contains(deadlines, d => d.TryGetProperty("timeZone", out var z) && z.GetString() == "Asia/Shanghai");
        var incident = api.GetProperty("incident");
        Assert.Equal(incident.ValueKind == JsonValueKind.Null ? "None" : incident.GetString(), await page.TextContentAsync("#case-incident"));
        Assert.True(await page.IsVisibleAsync("#chart-timeline"));
        await DashboardFixture.ScreenshotAsync(page, "case");

        var json = await Downloads.SaveAsync(page, "#evidence-json");
        using var bundle = JsonDocument.Parse(json);
        Assert.Contains(id, Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        var pdf = Downloads.PdfText(await Downloads.SaveAsync(page, "#evidence-pdf"));
        Assert.Contains(id, pdf, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
