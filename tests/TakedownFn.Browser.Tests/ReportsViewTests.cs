using System.Text.Json;

namespace TakedownFn.Browser.Tests;

/// <summary>The Reports view: each document downloads and opens; closing a period answers the API's statement.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReportsViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Reports_SlaCsv_HasARowPerGroupAndStageOfTheReport()
    {
        var page = await OpenAsync();
        var (header, rows) = Downloads.Csv(await Downloads.SaveAsync(page, "#download-sla-csv"));
        var report = await fixture.GetJsonAsync($"/api/reports/sla?{await PeriodAsync(page)}&tz=UTC&groupBy=regime");

        Assert.Contains("share_met", header);
        Assert.Equal(report.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("stages").GetArrayLength()), rows.Count);
        await DashboardFixture.ScreenshotAsync(page, "reports");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reports_DsaTransparencyCsv_OpensWithTheTemplatesTotalRow()
    {
        var page = await OpenAsync();
        var (header, rows) = Downloads.Csv(await Downloads.SaveAsync(page, "#download-dsa-csv"));

        Assert.Equal("Category", header[0]);
        Assert.Equal("TOTAL", rows[^1][0]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reports_StatementsOfReasons_IsTheExportsJson()
    {
        var page = await OpenAsync();
        using var statements = JsonDocument.Parse(await Downloads.SaveAsync(page, "#download-statements"));

        Assert.Equal(0, statements.RootElement.GetProperty("statements").GetInt32());
        Assert.Equal(JsonValueKind.Array, statements.RootElement.GetProperty("batches").ValueKind);
        await page.Context.CloseAsync();
    }

    /// <summary>Needs the statement's PDF (GET /api/reports/safe-harbour?format=pdf, branch evidence2).</summary>
    [Fact]
    public async Task Reports_SafeHarbourStatement_IsAPdf()
    {
        var page = await OpenAsync();
        var text = Downloads.PdfText(await Downloads.SaveAsync(page, "#download-safe-harbour"));

        Assert.NotEmpty(text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reports_ClosePeriod_ShowsTheClosedStatementsId()
    {
        var page = await OpenAsync();
        await page.ClickAsync("#close-period");
        await page.WaitForSelectorAsync("#period-id");
        var periodId = await page.TextContentAsync("#period-id");

        var statement = await fixture.GetJsonAsync($"/api/reports/periods/{periodId}");
        Assert.Equal(periodId, statement.GetProperty("statement").GetProperty("periodId").GetString());
        await DashboardFixture.ScreenshotAsync(page, "reports-closed");
        await page.Context.CloseAsync();
    }

    private async Task<Microsoft.Playwright.IPage> OpenAsync()
    {
        var page = await fixture.SignedInPageAsync();
        await DashboardFixture.ShowAsync(page, "reports");
        return page;
    }

    private static async Task<string> PeriodAsync(Microsoft.Playwright.IPage page)
    {
        var from = await page.InputValueAsync("#period-from");
        var to = await page.InputValueAsync("#period-to");
        return $"from={from}&to={to}";
    }
}
