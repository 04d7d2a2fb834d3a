using static Microsoft.Playwright.Assertions;

namespace TakedownFn.Browser.Tests;

/// <summary>Signing in: officer and auditor keys open the dashboard for their tenant; platform and admin keys are refused.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SignIn_OfficerKey_ShowsTheKeysTenantAndKeepsTheKeyForTheSessionOnly()
    {
        var page = await fixture.SignedInPageAsync();

        Assert.Equal(fixture.Keys.TenantId, await page.TextContentAsync("#tenant-id"));
        Assert.Equal(fixture.Keys.Officer, await page.EvaluateAsync<string>("sessionStorage.getItem('takedownfn.apiKey')"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('takedownfn.apiKey')"));

        // A reload in the same session stays signed in; a new session (context) asks again.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("main[data-ready='now']");
        var fresh = await fixture.NewPageAsync();
        Assert.True(await fresh.IsVisibleAsync("#sign-in"));
        await DashboardFixture.ScreenshotAsync(fresh, "sign-in");
        await page.Context.CloseAsync();
        await fresh.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_AuditorKey_IsAccepted()
    {
        var page = await fixture.SignedInPageAsync(fixture.Keys.Auditor);

        Assert.Contains("auditor", await page.TextContentAsync("#who"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("admin")]
    public async Task SignIn_PlatformOrAdminKey_IsRefusedWithAClearMessage(string role)
    {
        var page = await fixture.NewPageAsync();
        await page.FillAsync("#api-key", role == "platform" ? fixture.Keys.Platform : fixture.Keys.Admin);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync($"A {role} key cannot open the dashboard: sign in with an officer or auditor key.");
        Assert.False(await page.IsVisibleAsync("#views"));
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('takedownfn.apiKey')"));
        if (role == "platform")
        {
            await DashboardFixture.ScreenshotAsync(page, "sign-in-refused");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_UnknownKey_SaysTheKeyIsNotValid()
    {
        var page = await fixture.NewPageAsync();
        await page.FillAsync("#api-key", "tfn_not-a-key");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("This key is not valid (unknown, expired or revoked).");
        await page.Context.CloseAsync();
    }
}
