using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.SafeHarbour;

/// <summary>
/// The period safe-harbour statement through the real app on Azurite: over a case paused for a
/// missing element, supplemented, actioned, preserved under legal hold, corrected and counter-noticed,
/// and a case whose act stage was breached, it states what the case views state; the offline
/// verifier recounts it from a ledger export, and an edited figure, a dropped leaf or another
/// checkpoint fail naming what differs.
/// </summary>
public sealed class SafeHarbourStatementTests(AzuriteFixture azurite) : TenantTestBase(azurite, Settings(Key.PrivateKeyPem)), IDisposable
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();
    private readonly string _folder = Folder();

    /// <summary>Yesterday to the day after tomorrow (UTC): a period holding the cases a test submits now.</summary>
    internal static string Period
    {
        get
        {
            var today = DateTime.UtcNow.Date;
            return $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}";
        }
    }

    [Fact]
    public async Task Statement_PausedSupplementedCorrectedCounterNoticedAndBreachedCases_StatesTheCaseViewsFiguresAndVerifies()
    {
        var (met, breached) = await TwoCasesAsync();

        var text = await StatementAsync(Tenant.Auditor, "");
        var figures = JsonNode.Parse(text)!["statement"]!["figures"]!;
        var (code, output) = await VerifyAsync(text, await ExportAsync(), await KeyFileAsync(Tenant.Auditor, _folder));

        Assert.True(code == 0, output);
        Assert.Contains("every figure recounts from", output, StringComparison.Ordinal);
        Assert.Equal(2, (int)figures["cases"]!);
        var channel = figures["complaintChannel"]!["regimes"]!.AsArray().Single()!;
        Assert.Equal("us-dmca", (string?)channel["regime"]);
        Assert.Equal(2, (int)channel["received"]!);
        Assert.Equal(1, (int)channel["incomplete"]!);
        Assert.Equal(1, (int)channel["incompleteAnswered"]!);
        Assert.Equal(1, (int)channel["supplemented"]!);
        Assert.Equal("{\"api\":1,\"web-form\":1}", channel["receivedByChannel"]!.ToJsonString());
        var act = figures["timelyHandling"]!["regimes"]!.AsArray().Single()!;
        Assert.Equal(2, (int)act["valid"]!);
        Assert.Equal(1, (int)act["actMet"]!);
        Assert.Equal(1, (int)act["actBreached"]!);
        var breach = figures["timelyHandling"]!["breaches"]!.AsArray().Single(b => (string?)b!["stage"] == "act")!;
        Assert.Equal(breached, (string?)breach["caseId"]);
        Assert.Equal("completed-late", (string?)breach["reason"]);
        Assert.True((long)breach["marginSeconds"]! < 0);
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{breached}");
        var viewAct = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal(viewAct.GetProperty("dueAt").GetDateTimeOffset(), breach["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("breached", viewAct.GetProperty("status").GetString());
        Assert.Equal(1, (int)figures["timelyHandling"]!["counterNotices"]!["received"]!);
        Assert.Equal(1, (int)figures["preservation"]!["evidencePreservedSteps"]!);
        Assert.Equal(1, (int)figures["preservation"]!["disclosuresToAuthorities"]!);
        Assert.Equal(1, (int)figures["preservation"]!["casesUnderLegalHold"]!);
        var week = figures["timelyHandling"]!["weeks"]!.AsArray().Single()!;
        Assert.Equal((1, 1), ((int)week["actMet"]!, (int)week["actBreached"]!));
        Assert.Equal("met", (await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{met}")).GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verifier_ChangedFigureDroppedLeafOrAnotherCheckpoint_FailsNamingWhatDiffers()
    {
        var (met, _) = await TwoCasesAsync();
        var text = await StatementAsync(Tenant.Auditor, "");
        var export = await ExportAsync();
        var keyFile = await KeyFileAsync(Tenant.Auditor, _folder);
        var size = (long)JsonNode.Parse(text)!["statement"]!["checkpoint"]!["treeSize"]!;

        // A later checkpoint, one leaf on: a step that changes no figure.
        await RecordAsync(Tenant.Platform, met, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "decision" });
        var later = await Ledger.LedgerApp.CheckpointAsync(Tenant.Auditor, size + 1);
        var laterExport = await ExportAsync();

        var cases = new (string Change, Func<string, string> Apply, string ExportPath, string Reason)[]
        {
            ("a figure", s => Set(s, n => n["figures"]!["timelyHandling"]!["regimes"]![0]!["actMet"] = 2), export, "figures.timelyHandling.regimes[us-dmca].actMet: 2 → 1"),
            ("a channel's count", s => Set(s, n => n["figures"]!["complaintChannel"]!["regimes"]![0]!["receivedByChannel"]!["web-form"] = 2), export, "figures.complaintChannel.regimes[us-dmca].receivedByChannel.web-form: 2 → 1"),
            ("the holds in force", s => Set(s, n => n["figures"]!["preservation"]!["casesUnderLegalHold"] = 0), export, "figures.preservation.casesUnderLegalHold: 0 → 1"),
            ("a breach's margin", s => Set(s, n => n["figures"]!["timelyHandling"]!["breaches"]![0]!["marginSeconds"] = 0), export, "figures.timelyHandling.breaches["),
            ("the period", s => Set(s, n => n["from"] = DateTimeOffset.UtcNow.AddDays(3)), export, "figure(s) differ"),
            ("a dropped leaf", s => s, DropLeaf(export, 3), "leaf 3 is missing"),
            ("another checkpoint", s => Set(s, n => n["checkpoint"] = new JsonObject
            {
                ["origin"] = n["checkpoint"]!["origin"]!.GetValue<string>(),
                ["treeSize"] = later.GetProperty("treeSize").GetInt64(),
                ["rootHash"] = later.GetProperty("rootHash").GetString(),
                ["note"] = later.GetProperty("checkpoint").GetString(),
            }), laterExport, "does not bind this statement and its checkpoint"),
            ("a shorter export", s => s, TruncateTo(export, size - 1), "checkpoint tree size"),
        };

        var failures = new List<string>();
        foreach (var (change, apply, exportPath, reason) in cases)
        {
            var (code, output) = await VerifyAsync(apply(text), exportPath, keyFile);
            if (code != 1 || !output.Contains(reason, StringComparison.Ordinal))
            {
                failures.Add($"{change}: exit {code}, {output.Trim()}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Statement_BadQueryOrPlatformRole_IsRefusedNamingTheField()
    {
        var bad = await Tenant.Officer.GetAsync(new Uri("/api/reports/safe-harbour?from=2026-12-01&to=2026-11-01&regime=nope&format=xml", UriKind.Relative));
        var platform = await Tenant.Platform.GetAsync(new Uri($"/api/reports/safe-harbour?{Period}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("to", out _) && errors.TryGetProperty("regime", out _) && errors.TryGetProperty("format", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, platform.StatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A DMCA case found incomplete (its clocks paused), supplemented, removed, preserved under legal
    /// hold, corrected, counter-noticed and disclosed to a court; then, with the act stage one second long, a case removed
    /// after its breach. Waits until both are under a checkpoint.
    /// </summary>
    private async Task<(string Met, string Breached)> TwoCasesAsync()
    {
        var notice = SampleNotices.Dmca();
        notice["declarations"]!["goodFaith"] = false;
        notice["channel"] = "web-form";
        var met = await SubmitAsync(notice);
        await TriagedAsync(met);
        var platform = Tenant.Platform;
        await RecordAsync(platform, met, new JsonObject { ["kind"] = "notice-supplemented", ["suppliedElements"] = new JsonArray("good-faith-statement") });
        await RecordAsync(platform, met, Step("content-removed"));
        await RecordAsync(platform, met, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('a', 64), ["snapshotLocation"] = "vault://snap/1", ["retentionDays"] = 365, ["legalHold"] = true },
        });
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{met}");
        var removedId = view.GetProperty("timeline").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "content-removed").GetProperty("eventId").GetString();
        await RecordAsync(platform, met, new JsonObject { ["kind"] = "correction", ["correctsStepId"] = removedId, ["reason"] = "Removed at 10:02, not 10:20." });
        await RecordAsync(platform, met, Step("notice-forwarded-to-uploader"));
        await RecordAsync(platform, met, Step("counter-notice-received"));
        await RecordAsync(platform, met, new JsonObject { ["kind"] = "disclosed-to-authority", ["reference"] = "court-order-17" });

        await Sla.SlaTestSupport.SetActLengthAsync(Admin, Tenant.TenantId, 1);
        var breached = await SubmitAsync();
        await TriagedAsync(breached);
        await Sla.SlaTestSupport.WaitForStepAsync(Tenant.Officer, breached, "sla-breached");
        await RecordAsync(platform, breached, Step("content-removed"));

        // A bundle answers once every step of its case is under a checkpoint.
        await BundleAsync(Tenant.Auditor, met);
        await BundleAsync(Tenant.Auditor, breached);
        return (met, breached);
    }

    private async Task<string> StatementAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri($"/api/reports/safe-harbour?{Period}{query}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> ExportAsync()
    {
        var path = Path.Combine(_folder, $"export-{Guid.NewGuid():n}.jsonl");
        await File.WriteAllBytesAsync(path, await Tenant.Auditor.GetByteArrayAsync(new Uri("/api/ledger/export", UriKind.Relative)));
        return path;
    }

    private async Task<(int ExitCode, string Output)> VerifyAsync(string statement, string export, string keyFile)
    {
        var path = Path.Combine(_folder, $"statement-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(path, statement);
        var output = new StringWriter();
        var code = await Verifier.VerifierCli.RunAsync(["statement", "--file", path, "--export", export, "--key", keyFile], output, output);
        return (code, output.ToString());
    }

    /// <summary>The statement file with one member of its statement changed (the rest of the envelope as served).</summary>
    private static string Set(string text, Action<JsonNode> change)
    {
        var document = JsonNode.Parse(text)!;
        change(document["statement"]!);
        return document.ToJsonString();
    }

    private string DropLeaf(string export, int index)
    {
        var path = Path.Combine(_folder, $"dropped-{index}.jsonl");
        File.WriteAllLines(path, File.ReadAllLines(export).Where(l => !l.StartsWith($"{{\"index\":{index.ToString(CultureInfo.InvariantCulture)},", StringComparison.Ordinal)));
        return path;
    }

    /// <summary>An export of the first <paramref name="size"/> leaves with a checkpoint that does not match them.</summary>
    private string TruncateTo(string export, long size)
    {
        var lines = File.ReadAllLines(export);
        var path = Path.Combine(_folder, $"short-{size}.jsonl");
        File.WriteAllLines(path, lines.Take((int)size + 1).Append(lines[^1]));
        return path;
    }
}
