using System.Net;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Evidence;
using TakedownFn.Tests.Notices;
using UglyToad.PdfPig;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.SafeHarbour;

/// <summary>
/// The safe-harbour statement as a PDF, read back with PdfPig: the summary page states the JSON
/// statement's figures, the charts page holds the two charts, and the last page lists every breach
/// with the fingerprints of the signed JSON.
/// </summary>
public sealed class SafeHarbourPdfTests(AzuriteFixture azurite) : TenantTestBase(azurite, Settings(Key.PrivateKeyPem))
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();

    [Fact]
    public async Task Pdf_StatementWithABreachAndAHold_SummaryStatesTheJsonFiguresAndListsEveryBreach()
    {
        var notice = SampleNotices.Dmca();
        notice["channel"] = "email";
        var held = await SubmitAsync(notice);
        await TriagedAsync(held);
        await RecordAsync(Tenant.Platform, held, Step("content-removed"));
        await RecordAsync(Tenant.Platform, held, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('b', 64), ["snapshotLocation"] = "vault://snap/2", ["retentionDays"] = 365, ["legalHold"] = true },
        });
        await Sla.SlaTestSupport.SetActLengthAsync(Admin, Tenant.TenantId, 1);
        var late = await SubmitAsync();
        await TriagedAsync(late);
        await Sla.SlaTestSupport.WaitForStepAsync(Tenant.Officer, late, "sla-breached");
        await RecordAsync(Tenant.Platform, late, Step("content-removed"));
        await BundleAsync(Tenant.Auditor, held);
        await BundleAsync(Tenant.Auditor, late);
        var response = await Tenant.Auditor.GetAsync(new Uri($"/api/reports/safe-harbour?{SafeHarbourStatementTests.Period}&format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pdf.NumberOfPages);

        // The signed JSON the PDF states is attached to it, and verifies offline against the ledger.
        Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files), "no attachment");
        var attached = Assert.Single(files);
        var json = JsonNode.Parse(attached.Bytes.ToArray())!;
        var (code, output) = await VerifyStatementAsync(attached.Bytes.ToArray());
        Assert.True(code == 0, output);
        var figures = json["statement"]!["figures"]!;
        var summary = Words(pdf, 1);
        var channel = figures["complaintChannel"]!["regimes"]![0]!;
        var rows = new[]
        {
            $"Cases {(int)figures["cases"]!}",
            string.Join(' ', (string)channel["regime"]!, (int)channel["received"]!, (int)channel["acknowledged"]!, Seconds(channel["acknowledgeP50Seconds"]), Seconds(channel["acknowledgeP90Seconds"]),
                (int)channel["incomplete"]!, $"{(int)channel["incompleteAnswered"]!} / {(int)channel["supplemented"]!}"),
            "by channel: " + string.Join(", ", channel["receivedByChannel"]!.AsObject().Select(c => $"{c.Key} {(int)c.Value!}")),
            Act(figures["timelyHandling"]!["regimes"]![0]!),
            $"Breached stages {figures["timelyHandling"]!["breaches"]!.AsArray().Count} ",
            $"Legal holds in force {(int)figures["preservation"]!["casesUnderLegalHold"]!} cases",
            $"Evidence preserved {(int)figures["preservation"]!["evidencePreservedSteps"]!} steps",
        };
        Assert.All(rows, row => Assert.True(summary.Contains(row, StringComparison.Ordinal), $"\"{row}\" not in: {summary}"));
        Assert.Contains("by channel: api 1, email 1", summary, StringComparison.Ordinal);
        Assert.Contains("Legal holds in force 1 cases", summary, StringComparison.Ordinal);

        Assert.Equal(2, pdf.GetPage(2).GetImages().Count());
        Assert.Contains("Compliance per week", Words(pdf, 2), StringComparison.Ordinal);

        var last = Words(pdf, 3);
        var breaches = figures["timelyHandling"]!["breaches"]!.AsArray();
        Assert.Contains(breaches, b => (string?)b!["caseId"] == late && (string?)b["stage"] == "act");
        Assert.All(breaches, b => Assert.Contains($"{(string)b!["caseId"]!} {(string)b["stage"]!} {Time(b["dueAt"])} {Seconds(b["marginSeconds"])} {(string)b["reason"]!}", last, StringComparison.Ordinal));
        Assert.Contains($"Root hash: {(string)json["statement"]!["checkpoint"]!["rootHash"]!}", last, StringComparison.Ordinal);
        Assert.Contains($"Statement SHA-256: {(string)json["statementSha256"]!}", last, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> VerifyStatementAsync(byte[] statement)
    {
        var folder = Folder();
        try
        {
            var file = Path.Combine(folder, "statement.json");
            var export = Path.Combine(folder, "ledger.jsonl");
            await File.WriteAllBytesAsync(file, statement);
            await File.WriteAllBytesAsync(export, await Tenant.Auditor.GetByteArrayAsync(new Uri("/api/ledger/export", UriKind.Relative)));
            var output = new StringWriter();
            var code = await Verifier.VerifierCli.RunAsync(["statement", "--file", file, "--export", export, "--key", await KeyFileAsync(Tenant.Auditor, folder)], output, output);
            return (code, output.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Act(JsonNode r) =>
        string.Join(' ', (string)r["regime"]!, (int)r["valid"]!, (int)r["actMet"]!, (int)r["actBreached"]!, (int)r["actOpen"]!, (int)r["actStopped"]!);

    private static string Words(PdfDocument pdf, int page) => PdfText.Words(pdf, page);

    private static string Time(JsonNode? value) => PdfText.Time(value);

    private static string Seconds(JsonNode? value) => PdfText.Span(value is null ? null : TimeSpan.FromSeconds((long)value));
}
