using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.Evidence;

/// <summary>
/// Evidence bundles through the real app on Azurite: a case with a pause and supplement, a removal,
/// preservation, a correction, notifications and a counter-notice yields a bundle that states what
/// the case view states and that the offline verifier accepts; any change to it is caught and named.
/// </summary>
public sealed class EvidenceBundleTests(AzuriteFixture azurite) : TenantTestBase(azurite, Settings(Key.PrivateKeyPem)), IDisposable
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();
    private readonly string _folder = Folder();

    [Fact]
    public async Task Bundle_CaseWithPauseSupplementCorrectionAndCounterNotice_StatesTheCaseViewAndVerifies()
    {
        var caseId = await RichCaseAsync();

        var text = await BundleAsync(Tenant.Auditor, caseId);
        var (code, output) = await VerifyAsync(_folder, text, await KeyFileAsync(Tenant.Auditor, _folder));

        Assert.True(code == 0, output);
        Assert.StartsWith($"valid: bundle for case {caseId}: 12 steps proven", output, StringComparison.Ordinal);
        var bundle = JsonNode.Parse(text)!;
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var act = Stage(bundle, "act");
        var viewAct = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal(viewAct.GetProperty("dueAt").GetDateTimeOffset(), act["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(viewAct.GetProperty("completedBy").GetString(), (string?)act["completedBy"]);
        Assert.Equal(viewAct.GetProperty("margin").GetString(), (string?)act["margin"]);
        Assert.Equal("met", (string?)act["status"]);
        Assert.Equal(["started", "paused", "resumed"], act["clock"]!.AsArray().Select(c => (string?)c!["kind"]));
        Assert.Single(act["pauses"]!.AsArray());
        Assert.Equal(["received", "incomplete", "triaged", "notice-supplemented", "validated", "content-removed", "evidence-preserved", "correction", "notifier-informed", "notice-forwarded-to-uploader", "counter-notice-received", "counter-notice-forwarded-to-notifier"],
            bundle["steps"]!.AsArray().Select(s => (string?)s!["kind"]));
        Assert.True((bool)bundle["preservation"]![0]!["legalHold"]!);
        Assert.Equal(2, bundle["counterNotices"]!.AsArray().Count);
        Assert.Equal(2, bundle["notifications"]!.AsArray().Count);
        Assert.Equal("valid", (string?)bundle["validation"]!["result"]);
        Assert.Matches("^[0-9a-f]{64}$", (string?)bundle["case"]!["noticeCommitment"]);
        var receivedLeaf = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)bundle["steps"]![0]!["leaf"]!["data"]!));
        Assert.Contains("\"facts\":{\"category\":\"copyright\",\"channel\":\"api\",\"completes\":[],\"regime\":\"us-dmca\"", receivedLeaf, StringComparison.Ordinal);
        Assert.Contains("\"validation\":\"pending\"", receivedLeaf, StringComparison.Ordinal);

        // No personal data of the notice: the notifier's name and e-mail are only committed to.
        var notice = SampleNotices.Dmca();
        Assert.DoesNotContain((string)notice["notifier"]!["name"]!, text, StringComparison.Ordinal);
        Assert.DoesNotContain((string)notice["notifier"]!["contact"]!["email"]!, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_ActBreachedBeforeTheRemoval_StatesTheBreachWithItsNegativeMarginAndVerifiesAsAProcess()
    {
        await Sla.SlaTestSupport.SetActLengthAsync(Admin, Tenant.TenantId, 1);
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);
        await Sla.SlaTestSupport.WaitForStepAsync(Tenant.Officer, caseId, "sla-breached");
        await RecordAsync(Tenant.Platform, caseId, Step("content-removed"));

        var text = await BundleAsync(Tenant.Officer, caseId);
        var path = Path.Combine(_folder, "bundle.json");
        await File.WriteAllTextAsync(path, text);
        var (code, output) = await Ledger.LedgerApp.RunVerifierAsync("bundle", "--file", path, "--key", await KeyFileAsync(Tenant.Officer, _folder));
        var (usage, _) = await Ledger.LedgerApp.RunVerifierAsync("bundle", "--file", path);

        Assert.True(code == 0, output);
        var act = Stage(JsonNode.Parse(text)!, "act");
        Assert.Equal("breached", (string?)act["status"]);
        Assert.StartsWith("-", (string?)act["margin"], StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(text)!["steps"]!.AsArray(), s => (string?)s!["kind"] == "sla-breached");
        Assert.Equal(2, usage);
    }

    [Fact]
    public async Task Bundle_Platform_IsForbiddenAndUnknownCase_NotFound()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);

        Assert.Equal(HttpStatusCode.Forbidden, (await Tenant.Platform.GetAsync(new Uri($"/api/cases/{caseId}/evidence", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Tenant.Officer.GetAsync(new Uri("/api/cases/c-nope/evidence", UriKind.Relative))).StatusCode);
        var bad = await Tenant.Officer.GetAsync(new Uri($"/api/cases/{caseId}/evidence?format=xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Verifier_AnyChangeToTheBundle_FailsNamingWhatChanged()
    {
        var caseId = await RichCaseAsync();
        var other = await SubmitAsync();
        await TriagedAsync(other);
        var text = await BundleAsync(Tenant.Auditor, caseId);
        var otherText = await BundleAsync(Tenant.Auditor, other);
        var keyFile = await KeyFileAsync(Tenant.Auditor, _folder);
        var removed = StepIndex(JsonNode.Parse(text)!, "content-removed");
        var preserved = StepIndex(JsonNode.Parse(text)!, "evidence-preserved");

        var cases = new (string Change, Action<JsonNode> Apply, string Reason)[]
        {
            ("regime", b => b["case"]!["regime"] = "eu-dsa", "case.regime"),
            ("severity", b => b["case"]!["severity"] = "critical", "case.severity"),
            ("details", b => b["steps"]![preserved]!["details"]!["evidence"]!["retentionPeriod"] = "1.00:00:00", $"steps[{preserved}] ("),
            ("drop a step", b => b["steps"]!.AsArray().RemoveAt(removed), $"steps[{removed}] ("),
            ("reorder", b => Swap(b["steps"]!.AsArray(), removed, removed + 1), "a step is missing or out of order"),
            ("deadline +1 s", b => Stage(b, "act")["dueAt"] = Stage(b, "act")["dueAt"]!.GetValue<DateTimeOffset>().AddSeconds(1), "stages[act].dueAt"),
            ("step time +1 s", b => b["steps"]![removed]!["recordedAt"] = b["steps"]![removed]!["recordedAt"]!.GetValue<DateTimeOffset>().AddSeconds(1), $"steps[{removed}] ({(string?)JsonNode.Parse(text)!["steps"]![removed]!["eventId"]}) recordedAt"),
            ("another case's leaf", b => b["steps"]![1]!["leaf"] = JsonNode.Parse(otherText)!["steps"]![1]!["leaf"]!.DeepClone(), "leaf belongs to case " + other),
            ("another case's proof", b => b["steps"]![1]!["leaf"]!["proof"] = JsonNode.Parse(otherText)!["steps"]![1]!["leaf"]!["proof"]!.DeepClone(), "steps[1]"),
            ("status", b => Stage(b, "act")["status"] = "breached", "stages[act].status"),
            ("margin", b => Stage(b, "act")["margin"] = "00:00:01", "stages[act].margin"),
            ("legal hold", b => b["preservation"]![0]!["legalHold"] = false, "preservation[0]"),
            ("counter-notice time", b => b["counterNotices"]![0]!["recordedAt"] = b["counterNotices"]![0]!["recordedAt"]!.GetValue<DateTimeOffset>().AddSeconds(1), "counterNotices[0]"),
            ("citation", b => b["validation"]!["missingElements"] = new JsonArray(new JsonObject { ["element"] = "signature", ["citation"] = "x" }), "bundle member validation"),
            ("generatedAt", b => b["generatedAt"] = b["generatedAt"]!.GetValue<DateTimeOffset>().AddSeconds(1), "generatedAt"),
            ("root", b => b["checkpoint"]!["rootHash"] = new string('0', 64), "checkpoint.rootHash"),
            ("signature dropped", b => b.AsObject().Remove("signature"), "signature is missing"),
        };

        var failures = new List<string>();
        foreach (var (change, apply, reason) in cases)
        {
            var bundle = JsonNode.Parse(text)!;
            apply(bundle);
            var (code, output) = await VerifyAsync(_folder, bundle.ToJsonString(), keyFile);
            if (code != 1 || !output.Contains(reason, StringComparison.Ordinal))
            {
                failures.Add($"{change}: exit {code}, {output.Trim()}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Verifier_EveryValueChanged_IsInvalid()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);
        await RecordAsync(Tenant.Platform, caseId, Step("content-removed"));
        var text = await BundleAsync(Tenant.Auditor, caseId);
        var keyFile = await KeyFileAsync(Tenant.Auditor, _folder);
        var paths = Values(JsonNode.Parse(text)!, "$").ToList();
        Assert.True(paths.Count > 100, $"only {paths.Count} values");

        var accepted = new List<string>();
        foreach (var path in paths)
        {
            var bundle = JsonNode.Parse(text)!;
            Mutate(bundle, path);
            var (code, _) = await VerifyAsync(_folder, bundle.ToJsonString(), keyFile);
            if (code != 1)
            {
                accepted.Add($"{path}: exit {code}");
            }
        }

        Assert.Empty(accepted);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An incomplete DMCA notice, supplemented, actioned, preserved, corrected, notified, counter-noticed: 12 steps.</summary>
    private async Task<string> RichCaseAsync()
    {
        var notice = SampleNotices.Dmca();
        notice["declarations"]!["goodFaith"] = false;
        var caseId = await SubmitAsync(notice);
        await TriagedAsync(caseId);
        var platform = Tenant.Platform;
        await RecordAsync(platform, caseId, new JsonObject { ["kind"] = "notice-supplemented", ["suppliedElements"] = new JsonArray("good-faith-statement") });
        await RecordAsync(platform, caseId, Step("content-removed"));
        await RecordAsync(platform, caseId, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('a', 64), ["snapshotLocation"] = "vault://snap/1", ["retentionDays"] = 365, ["legalHold"] = true },
        });
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var removedId = view.GetProperty("timeline").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "content-removed").GetProperty("eventId").GetString();
        await RecordAsync(platform, caseId, new JsonObject { ["kind"] = "correction", ["correctsStepId"] = removedId, ["reason"] = "Removed at 10:02, not 10:20." });
        await RecordAsync(platform, caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "decision" });
        await RecordAsync(platform, caseId, Step("notice-forwarded-to-uploader"));
        await RecordAsync(platform, caseId, Step("counter-notice-received"));
        await RecordAsync(platform, caseId, Step("counter-notice-forwarded-to-notifier"));
        return caseId;
    }

    private static void Swap(JsonArray array, int i, int j)
    {
        var a = array[i]!.DeepClone();
        array[i] = array[j]!.DeepClone();
        array[j] = a;
    }

    /// <summary>Every scalar's path in the document, as member names and indexes.</summary>
    private static IEnumerable<string> Values(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(m => m.Value is null ? [] : Values(m.Value, path + "." + m.Key)),
        JsonArray a => a.SelectMany((item, i) => item is null ? [] : Values(item, path + "[" + i + "]")),
        _ => [path],
    };

    /// <summary>Changes the value at <paramref name="path"/> as little as its type allows: a time by a second, a number by one, a flag flipped, a text's last character.</summary>
    private static void Mutate(JsonNode root, string path)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(path, @"\.([^.\[]+)|\[(\d+)\]").Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var parent = root;
        foreach (var part in parts.SkipLast(1))
        {
            parent = part is string name ? parent[name]! : parent[(int)part]!;
        }

        var value = parts[^1] is string n ? parent[n]! : parent[(int)parts[^1]]!;
        JsonNode changed = value.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => !value.GetValue<bool>(),
            JsonValueKind.Number => value.GetValue<double>() + 1,
            _ when DateTimeOffset.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) && value.GetValue<string>().Contains('T', StringComparison.Ordinal) => time.AddSeconds(1),
            _ => ChangeLast(value.GetValue<string>()),
        };
        if (parts[^1] is string member)
        {
            parent[member] = changed;
        }
        else
        {
            parent[(int)parts[^1]] = changed;
        }
    }

    private static string ChangeLast(string text) => text.Length == 0 ? "x" : text[..^1] + (text[^1] == '0' ? '1' : '0');
}
