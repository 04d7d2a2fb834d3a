using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TakedownFn.Testing;

namespace TakedownFn.Browser.Tests;

/// <summary>
/// One app, one tenant with seeded cases and one browser for the whole browser suite: starting
/// Chromium and the app is the expensive part, so every test shares them and opens its own
/// browser context (its own session and local storage).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium (tests/install-tools.sh installs it); Playwright's own browsers are never downloaded.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lock LogGate = new();

    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public DashboardApp App { get; private set; } = null!;

    public Keys Keys { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The seeded cases: three DMCA notices and two doxxing notices; the first of each kind is actioned.</summary>
    public IReadOnlyList<string> CaseIds { get; private set; } = [];

    public HttpClient Officer { get; private set; } = null!;

    public HttpClient Platform { get; private set; } = null!;

    /// <summary>Where the screenshots go: TestResults/dashboard/ at the repository root (git-ignored).</summary>
    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot.FullPath, "TestResults", "dashboard");

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        App = new DashboardApp(_azurite.Server);
        var starting = App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        await starting;
        Keys = await App.CreateTenantAsync();
        Officer = App.Client(Keys.Officer);
        Platform = App.Client(Keys.Platform);
        await SeedAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Officer?.Dispose();
        Platform?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (session and local storage of its own) in the viewer's zone and language given.</summary>
    public async Task<IPage> NewPageAsync(string timeZone = "Asia/Shanghai", string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            TimezoneId = timeZone,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        // The browser's own errors go to TestResults/dashboard/browser-console.log, for the failing test's story.
        page.Console += (_, message) => LogBrowser(message.Type, message.Text);
        page.PageError += (_, error) => LogBrowser("page-error", error);
        await page.GotoAsync(new Uri(App.Address, "/dashboard/").ToString());
        await page.WaitForSelectorAsync("body[data-started='true']");
        return page;
    }

    /// <summary>Opens the dashboard and signs in with <paramref name="key"/> (the officer's by default); the Now view is shown.</summary>
    public async Task<IPage> SignedInPageAsync(string? key = null, string timeZone = "Asia/Shanghai")
    {
        var page = await NewPageAsync(timeZone);
        await page.FillAsync("#api-key", key ?? Keys.Officer);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("main[data-ready='now']");
        return page;
    }

    private static void LogBrowser(string type, string text)
    {
        if (type is "error" or "page-error" or "warning")
        {
            lock (LogGate)
            {
                File.AppendAllText(Path.Combine(ScreenshotDirectory, "browser-console.log"), $"{DateTimeOffset.UtcNow:O} {type}: {text}\n");
            }
        }
    }

    public static async Task ShowAsync(IPage page, string view)
    {
        await page.ClickAsync($"#views button[data-view='{view}']");
        await page.WaitForSelectorAsync($"main[data-ready='{view}']");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task<JsonElement> GetJsonAsync(string path) => await Officer.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Records a step as the platform does.</summary>
    public async Task StepAsync(string caseId, string kind, JsonObject? details = null)
    {
        var step = details ?? [];
        step["kind"] = kind;
        step["occurredAt"] = DateTimeOffset.UtcNow.ToString("O");
        using var response = await Platform.PostAsync($"/api/cases/{caseId}/steps", new StringContent(step.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{kind}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls the officer's view of <paramref name="path"/> until <paramref name="until"/> holds (the app folds and sequences in the background).</summary>
    public async Task<JsonElement> EventuallyAsync(string path, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await Officer.GetAsync(path);
            if (response.IsSuccessStatusCode)
            {
                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (until(json))
                {
                    return json;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach the expected state");
            await Task.Delay(200);
        }
    }

    private async Task SeedAsync()
    {
        var notices = new[] { SeedNotices.Dmca(), SeedNotices.Dmca(), SeedNotices.Dmca(), SeedNotices.Doxxing(), SeedNotices.Doxxing() };
        var ids = new List<string>();
        foreach (var notice in notices)
        {
            using var response = await Platform.PostAsync("/api/notices", new StringContent(notice.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!);
        }

        foreach (var id in ids)
        {
            await EventuallyAsync($"/api/cases/{id}", c => c.GetProperty("state").GetString() == "triaged");
        }

        await StepAsync(ids[0], "content-removed");
        await StepAsync(ids[3], "content-removed");
        CaseIds = ids;
        var today = DateTime.UtcNow.Date;
        await EventuallyAsync(
            $"/api/reports/sla?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}",
            r => r.GetProperty("total").GetProperty("received").GetInt32() == ids.Count
                && r.GetProperty("total").GetProperty("actioned").GetProperty("removed").GetInt32() == 2);
        await EventuallyAsync("/api/ledger/checkpoint", c => c.GetProperty("treeSize").GetInt64() >= 17);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
