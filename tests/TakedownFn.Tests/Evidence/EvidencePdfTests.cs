using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
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
        var steps = Words(pdf, 3);
        Assert.All(bundle["steps"]!.AsArray(), s => Assert.Contains((string)s!["kind"]!, steps, StringComparison.Ordinal));
    }

    private static string Words(PdfDocument pdf, int page) => PdfText.Words(pdf, page);

    private static string Time(JsonNode? value) => PdfText.Time(value);

    private static string Span(JsonNode? value) => PdfText.Span(value is null ? null : TimeSpan.Parse((string)value!, CultureInfo.InvariantCulture));
}
