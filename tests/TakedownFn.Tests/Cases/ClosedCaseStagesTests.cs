using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.Cases;

/// <summary>
/// A DMCA case taken to its end through the API shows no stage still open: stages the closure
/// ended read <c>stopped</c>, stages whose clock never started <c>not-applicable</c>, each naming
/// <c>case-closed</c>, alike in the case view, the case list, the SLA report and the evidence
/// bundle, which the offline verifier recomputes.
/// </summary>
public sealed class ClosedCaseStagesTests(AzuriteFixture azurite) : TenantTestBase(azurite, Settings(Key.PrivateKeyPem)), IDisposable
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();
    private readonly string _folder = Folder();

    [Fact]
    public async Task CloseDmcaCase_RemovedPreservedDecisionClosed_NoStageOpenAnywhere()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);
        var platform = Tenant.Platform;
        await RecordAsync(platform, caseId, Step("content-removed"));
        await RecordAsync(platform, caseId, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('a', 64), ["snapshotLocation"] = "vault://snap/1", ["retentionDays"] = 400, ["legalHold"] = false },
        });
        await RecordAsync(platform, caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "decision" });
        await RecordAsync(platform, caseId, Step("case-closed"));

        var expected = new Dictionary<string, (string Status, string? Reason)>
        {
            ["acknowledge"] = ("stopped", "case-closed"),
            ["act"] = ("met", null),
            ["forward-to-uploader"] = ("stopped", "case-closed"),
            ["counter-notice-restoration"] = ("not-applicable", "case-closed"),
            ["preservation"] = ("met", null),
        };
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(expected, view.GetProperty("deadlines").EnumerateArray().ToDictionary(
            d => d.GetProperty("stage").GetString()!, d => (d.GetProperty("status").GetString()!, d.GetProperty("reason").GetString())));

        // The list view reads the snapshot written with the closing step: stages with a deadline.
        var listed = (await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=10")).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == caseId);
        Assert.All(listed.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal(expected[d.GetProperty("stage").GetString()!].Status, d.GetProperty("status").GetString()));

        // Yesterday to the day after tomorrow: the sample notice was received minutes before it was
        // accepted, which can be the day before when the test runs just after midnight (UTC).
        var period = SafeHarbour.SafeHarbourStatementTests.Period;
        var report = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/reports/sla?{period}", r => ReportStage(r, "acknowledge") is { } s && s.GetProperty("outcomes").GetProperty("stopped").GetInt64() == 1);
        Assert.True(ReportStage(report, "acknowledge") is not null, $"the SLA report has no acknowledge stage: {report}");
        Assert.Equal(1, ReportStage(report, "acknowledge")!.Value.GetProperty("outcomes").GetProperty("stopped").GetInt64());
        Assert.Equal(0, ReportStage(report, "acknowledge")!.Value.GetProperty("outcomes").GetProperty("open").GetInt64());
        Assert.Equal(1, ReportStage(report, "counter-notice-restoration")!.Value.GetProperty("outcomes").GetProperty("not-applicable").GetInt64());

        var bundle = JsonNode.Parse(await BundleAsync(Tenant.Auditor, caseId))!;
        Assert.Equal(expected, bundle["stages"]!.AsArray().ToDictionary(s => (string)s!["stage"]!, s => ((string)s!["status"]!, (string?)s["reason"])));
        var (code, output) = await VerifyAsync(_folder, bundle.ToJsonString(), await KeyFileAsync(Tenant.Auditor, _folder));
        Assert.True(code == 0, output);

        // The verifier recomputes the reason too: a bundle that hides why a stage ended fails, naming it.
        Stage(bundle, "acknowledge")["reason"] = null;
        var (tampered, message) = await VerifyAsync(_folder, bundle.ToJsonString(), await KeyFileAsync(Tenant.Auditor, _folder));
        Assert.Equal(1, tampered);
        Assert.Contains("stages[acknowledge]", message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement? ReportStage(JsonElement report, string stage) =>
        report.GetProperty("total").TryGetProperty("stages", out var stages) && stages.ValueKind == JsonValueKind.Array
            ? stages.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("stage").GetString() == stage)
            : null;
}
