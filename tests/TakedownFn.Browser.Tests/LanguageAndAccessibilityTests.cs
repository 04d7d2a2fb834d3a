using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace TakedownFn.Browser.Tests;

/// <summary>Simplified Chinese throughout, keyboard use, focus visible and WCAG AA contrast.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class LanguageAndAccessibilityTests(DashboardFixture fixture)
{
    private static readonly string[] Views = ["now", "performance", "cases", "reports", "ledger"];

    /// <summary>
    /// The visible text of the page that is not data (ids and codes are marked translate="no"), and
    /// the accessible names of charts and regions.
    /// </summary>
    private const string VisibleLabels = """
        () => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const parent = n.parentElement;
            if (!parent || parent.closest('[translate="no"], [hidden], script, style')) continue;
            if (!parent.checkVisibility()) continue;
            if (n.textContent.trim()) out.push(n.textContent.trim());
          }
          for (const e of document.querySelectorAll('[aria-label]')) if (e.checkVisibility()) out.push(e.getAttribute('aria-label'));
          out.push(document.title);
          return out;
        }
        """;

    [Fact]
    public async Task Language_SimplifiedChinese_EveryViewShowsNoEnglishLabel()
    {
        var page = await fixture.SignedInPageAsync();
        await page.SelectOptionAsync("#language", "zh-CN");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.WaitForSelectorAsync("main[data-ready='now']");
        Assert.Equal("当前", await page.TextContentAsync("#views button[data-view='now']"));

        foreach (var view in Views)
        {
            await DashboardFixture.ShowAsync(page, view);
            var english = await EnglishLabelsAsync(page);
            Assert.True(english.Count == 0, $"{view}: {string.Join(" | ", english)}");
            await DashboardFixture.ScreenshotAsync(page, $"{view}.zh-CN");
        }

        // A case's own page: stages, steps and the timeline chart's name.
        await DashboardFixture.ShowAsync(page, "cases");
        await page.ClickAsync($"#case-list button[data-case-id='{fixture.CaseIds[3]}']");
        await page.WaitForSelectorAsync("main[data-ready='case']");
        var caseEnglish = await EnglishLabelsAsync(page);
        Assert.True(caseEnglish.Count == 0, $"case: {string.Join(" | ", caseEnglish)}");
        await DashboardFixture.ScreenshotAsync(page, "case.zh-CN");

        // The choice is remembered for the next visit.
        var next = await page.Context.NewPageAsync();
        await next.GotoAsync(page.Url);
        await Expect(next.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Language_Catalogues_HaveTheSameKeysAndNoEmptyLabel()
    {
        var page = await fixture.NewPageAsync();
        var en = await page.EvaluateAsync<JsonElement>("fetch('i18n/en.json').then(r => r.json())");
        var zh = await page.EvaluateAsync<JsonElement>("fetch('i18n/zh-CN.json').then(r => r.json())");
        var enKeys = en.EnumerateObject().Select(p => p.Name).Order().ToList();

        Assert.Equal(enKeys, zh.EnumerateObject().Select(p => p.Name).Order().ToList());
        Assert.All(zh.EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetString()), p.Name));
        Assert.All(en.EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetString()), p.Name));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_SignInAndViews_AreReachedWithTabAndUsedWithEnter()
    {
        var page = await fixture.NewPageAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("language", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("api-key", await page.EvaluateAsync<string>("document.activeElement.id"));
        // Focus is visible: the focused field has an outline.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.TypeAsync(fixture.Keys.Officer);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("main[data-ready='now']");

        // Tab on to the view buttons and open Performance with Enter.
        for (var i = 0; i < 20 && await page.EvaluateAsync<string?>("document.activeElement.dataset.view") != "performance"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("main[data-ready='performance']");
        Assert.Equal("page", await page.GetAttributeAsync("#views button[data-view='performance']", "aria-current"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Contrast_EveryViewsText_MeetsWcagAa()
    {
        var page = await fixture.SignedInPageAsync();
        foreach (var view in Views)
        {
            await DashboardFixture.ShowAsync(page, view);
            var failures = await page.EvaluateAsync<string[]>(ContrastFailures);
            Assert.True(failures.Length == 0, $"{view}: {string.Join(" | ", failures)}");
        }

        await page.Context.CloseAsync();
    }

    /// <summary>
    /// WCAG 2.2 contrast (relative luminance, (L1 + 0.05) / (L2 + 0.05)) of every visible text's colour
    /// against the first opaque background behind it; 4.5:1 needed (3:1 for large text).
    /// </summary>
    private const string ContrastFailures = """
        () => {
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
          const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] === 1) return c; } return [255, 255, 255]; };
          const out = [];
          for (const e of document.querySelectorAll('body *')) {
            if (!e.checkVisibility() || ![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const style = getComputedStyle(e);
            const a = lum(rgb(style.color)), b = lum(background(e));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
            if (ratio < (large ? 3 : 4.5)) out.push(`${e.tagName} "${e.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
          }
          return out;
        }
        """;

    private static async Task<List<string>> EnglishLabelsAsync(Microsoft.Playwright.IPage page) =>
        [.. (await page.EvaluateAsync<string[]>(VisibleLabels)).Where(l => EnglishWord().IsMatch(ProperNouns().Replace(l, string.Empty)))];

    /// <summary>A lower-case Latin word of two letters or more: an English label (codes and acronyms are upper case or marked data).</summary>
    [GeneratedRegex("[a-z]{2,}")]
    private static partial Regex EnglishWord();

    /// <summary>Names that stay as they are in Chinese text: the product, the browser API, the German statute.</summary>
    [GeneratedRegex("TakedownFn|WebCrypto|NetzDG")]
    private static partial Regex ProperNouns();
}
