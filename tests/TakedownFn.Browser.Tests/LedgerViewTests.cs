using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace TakedownFn.Browser.Tests;

/// <summary>
/// The Ledger view checks the checkpoint in the browser: its signature against the published keys,
/// and its consistency with the last checkpoint this browser verified. Tampering is flagged.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LedgerViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Ledger_LatestCheckpoint_IsVerifiedAndLaterOnesAreProvenConsistentWithIt()
    {
        var page = await OpenAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#ledger-verdict", "data-verified"));
        var checks = await page.Locator("#ledger-checks li").AllTextContentsAsync();
        Assert.Contains(checks, c => c.Contains("ECDSA P-256 signature is valid", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Contains("has not verified a checkpoint of this log before", StringComparison.Ordinal));
        var size = (await fixture.GetJsonAsync("/api/ledger/checkpoint")).GetProperty("treeSize").GetInt64();
        await DashboardFixture.ScreenshotAsync(page, "ledger");

        // The log grows; the same browser proves the new checkpoint extends the one it remembered.
        await fixture.StepAsync(fixture.CaseIds[0], "notifier-informed", new JsonObject { ["topic"] = "decision" });
        await fixture.EventuallyAsync("/api/ledger/checkpoint", c => c.GetProperty("treeSize").GetInt64() > size);
        await DashboardFixture.ShowAsync(page, "now");
        await DashboardFixture.ShowAsync(page, "ledger");

        Assert.Equal("true", await page.GetAttributeAsync("#ledger-verdict", "data-verified"));
        checks = await page.Locator("#ledger-checks li").AllTextContentsAsync();
        Assert.Contains(checks, c => c.Contains($"extends the {size} entries this browser verified before", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ledger_CheckpointWithOneRootByteChanged_IsFlaggedAndNotRemembered()
    {
        var page = await fixture.NewPageAsync();
        await page.RouteAsync("**/api/ledger/checkpoint", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            var lines = body["checkpoint"]!.GetValue<string>().Split('\n');
            var root = Convert.FromBase64String(lines[2]);
            root[0] ^= 0x01;
            lines[2] = Convert.ToBase64String(root);
            body["checkpoint"] = string.Join('\n', lines);
            body["rootHash"] = Convert.ToHexStringLower(root);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
        });
        await SignInAsync(page);
        await DashboardFixture.ShowAsync(page, "ledger");

        Assert.Equal("false", await page.GetAttributeAsync("#ledger-verdict", "data-verified"));
        Assert.Equal("Warning: this checkpoint failed a check. Do not rely on it.", await page.TextContentAsync("#ledger-verdict"));
        var checks = await page.Locator("#ledger-checks li.bad").AllTextContentsAsync();
        Assert.Contains(checks, c => c.Contains("No published key verifies the checkpoint's signature", StringComparison.Ordinal));
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('takedownfn.checkpoint.')).length"));
        await DashboardFixture.ScreenshotAsync(page, "ledger-tampered");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ledger_RememberedCheckpointOfAnotherHistory_FailsTheConsistencyProof()
    {
        var page = await OpenAsync();
        // What this browser remembers becomes a tree of 2 entries with another root: a rewritten history.
        await page.EvaluateAsync(
            "() => { const k = Object.keys(localStorage).find(k => k.startsWith('takedownfn.checkpoint.')); localStorage.setItem(k, JSON.stringify({ treeSize: 2, rootHash: '00'.repeat(32) })); }");
        await DashboardFixture.ShowAsync(page, "now");
        await DashboardFixture.ShowAsync(page, "ledger");

        Assert.Equal("false", await page.GetAttributeAsync("#ledger-verdict", "data-verified"));
        var checks = await page.Locator("#ledger-checks li.bad").AllTextContentsAsync();
        Assert.Contains(checks, c => c.Contains("is NOT an extension of the 2 entries", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await fixture.SignedInPageAsync(fixture.Keys.Auditor);
        await DashboardFixture.ShowAsync(page, "ledger");
        return page;
    }

    private async Task SignInAsync(IPage page)
    {
        await page.FillAsync("#api-key", fixture.Keys.Auditor);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("main[data-ready='now']");
    }
}
