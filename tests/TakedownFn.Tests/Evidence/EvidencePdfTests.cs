using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using UglyToad.PdfPig;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.Evidence;

/// <summary>The bundle as a PDF, read back with PdfPig: its summary page states the JSON's numbers.</summary>
public sealed class EvidencePdfTests(AzuriteFixture azurite) : TenantTestBase(azurite, Settings(Key.PrivateKeyPem))
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();

    [Fact]
    public async Task Pdf_ClosedCase_SummaryStatesTheJsonDeadlinesOutcomesAndMargins()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);
        await RecordAsync(Tenant.Platform, caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "receipt-confirmed" });
        await RecordAsync(Tenant.Platform, caseId, Step("content-removed"));
        await RecordAsync(Tenant.Platform, caseId, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('c', 64), ["snapshotLocation"] = "vault://snap/9", ["retentionDays"] = 365 },
        });
        await RecordAsync(Tenant.Platform, caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "decision" });
        await RecordAsync(Tenant.Platform, caseId, Step("case-closed"));
        var bundle = JsonNode.Parse(await BundleAsync(Tenant.Auditor, caseId))!;

        var response = await Tenant.Auditor.GetAsync(new Uri($"/api/cases/{caseId}/evidence?format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        var summary = Words(pdf, 1);
        Assert.Contains($"case {caseId}", summary, StringComparison.Ordinal);
        Assert.Contains($"Regime {(string?)bundle["case"]!["regime"]}", summary, StringComparison.Ordinal);
        Assert.Contains($"Policy {(string?)bundle["policy"]!["id"]}", summary, StringComparison.Ordinal);
        Assert.Contains($"root {(string?)bundle["checkpoint"]!["rootHash"]}", summary, StringComparison.Ordinal);
        var stages = bundle["stages"]!.AsArray();
        Assert.NotEmpty(stages);
        Assert.Contains(stages, s => (string?)s!["status"] == "met" && s["margin"] is not null);
        foreach (var stage in stages)
        {
            // An open stage's margin runs with the clock, so it is compared only once the stage ended.
            var ended = (string)stage!["status"]! is "met" or "breached" or "breached-early" or "stopped";
            var row = string.Join(' ', (string)stage["stage"]!, Time(stage["dueAt"]), Time(stage["completedAt"]), (string)stage["status"]!) + (ended ? " " + Span(stage["margin"]) : string.Empty);
            Assert.True(summary.Contains(row, StringComparison.Ordinal), $"\"{row}\" not in: {summary}");
        }

        Assert.Contains("Timeline", Words(pdf, 2), StringComparison.Ordinal);
        Assert.Single(pdf.GetPage(2).GetImages());
        var steps = Words(pdf, 3);
        Assert.All(bundle["steps"]!.AsArray(), s => Assert.Contains((string)s!["kind"]!, steps, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_ActPausedThenBreached_RendersTheTimelineChartAndStatesTheBreach()
    {
        await Sla.SlaTestSupport.SetActLengthAsync(Admin, Tenant.TenantId, 2);
        var notice = SampleNotices.Dmca();
        notice["declarations"]!["goodFaith"] = false;
        var caseId = await SubmitAsync(notice);
        await TriagedAsync(caseId);
        await RecordAsync(Tenant.Platform, caseId, new JsonObject { ["kind"] = "notice-supplemented", ["suppliedElements"] = new JsonArray("good-faith-statement") });
        await Sla.SlaTestSupport.WaitForStepAsync(Tenant.Officer, caseId, "sla-breached");
        await RecordAsync(Tenant.Platform, caseId, Step("content-removed"));
        var act = Stage(JsonNode.Parse(await BundleAsync(Tenant.Auditor, caseId))!, "act");

        var response = await Tenant.Auditor.GetAsync(new Uri($"/api/cases/{caseId}/evidence?format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("breached", (string?)act["status"]);
        Assert.Single(act["pauses"]!.AsArray());
        Assert.Contains($"act {Time(act["dueAt"])} {Time(act["completedAt"])} breached {Span(act["margin"])}", Words(pdf, 1), StringComparison.Ordinal);
        var page = pdf.GetPage(2);
        var chart = Assert.Single(page.GetImages());
        Assert.Contains("Times on the axis are UTC. Regime us-dmca time zone: America/New_York", PdfText.Words(pdf, 2), StringComparison.Ordinal);
        var box = chart.BoundingBox;
        Assert.True(box.Width > page.Width * 0.8 && box.Left >= 0 && box.Right <= page.Width && box.Bottom >= 0, $"chart at {box} on a {page.Width}x{page.Height} page");

        // For a human to look at: the whole PDF and the chart as the PDF carries it.
        var folder = Path.Combine(RepositoryRoot.FullPath, "TestResults", "evidence");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "evidence-paused-breached.pdf"), bytes);
        Assert.True(chart.TryGetPng(out var png), "the chart image could not be read back as a PNG");
        await File.WriteAllBytesAsync(Path.Combine(folder, "evidence-paused-breached-timeline.png"), png);
    }

    private static string Words(PdfDocument pdf, int page) => PdfText.Words(pdf, page);

    private static string Time(JsonNode? value) => PdfText.Time(value);

    private static string Span(JsonNode? value) => PdfText.Span(value is null ? null : TimeSpan.Parse((string)value!, CultureInfo.InvariantCulture));
}
