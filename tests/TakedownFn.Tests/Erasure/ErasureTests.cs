using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Ledger.Leaves;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using UglyToad.PdfPig;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.Erasure;

/// <summary>
/// Crypto-shredding through the real app on Azurite: a case's personal fields are sealed under its
/// own data key, an officer can have them disclosed, and <c>POST …/erasure</c> destroys the key so
/// that no table, queue, blob, log or export holds them afterwards while bundles still verify.
/// </summary>
public sealed class ErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime, IDisposable
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();
    private readonly string _folder = Folder();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..10];
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;

    private string Name => $"Quill Featherstone-{_tag}";

    private string Email => $"quill.{_tag}@victim.example";

    private string Address => $"{_tag} Nowhere Lane, Springfield";

    private string Explanation => $"My film was copied; ask {_tag} for details.";

    private string Url => $"https://video.example/u/quill{_tag}";

    private string Signature => $"/Q. Featherstone {_tag}/";

    private string[] Values => [Name, Email, Address, Explanation, Url, Signature];

    public async Task InitializeAsync()
    {
        var settings = Settings(Key.PrivateKeyPem);
        settings["Logging:LogLevel:Default"] = "Debug";
        _app = new TakedownFnFactory(azurite.Server, settings, services: s => s.AddFakeLogging());
        _tenant = await _app.CreateTenantAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Erase_CaseWithDistinctivePersonalValues_LeavesThemInNoTableQueueBlobLogOrExport()
    {
        var caseId = await PersonalCaseAsync();
        await RecordAsync(_tenant.Platform, caseId, Step("content-removed"));
        var before = await BundleAsync(_tenant.Auditor, caseId);

        var first = await EraseAsync(caseId, "gdpr-17");
        var again = await EraseAsync(caseId, "gdpr-17");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Content.ReadAsStringAsync();
        Assert.Equal(answer, await again.Content.ReadAsStringAsync());
        var erased = JsonNode.Parse(answer)!;
        Assert.Equal("request", (string?)erased["erasure"]!["reason"]);
        Assert.Equal("gdpr-17", (string?)erased["erasure"]!["legalBasis"]);
        var fields = erased["erased"]!["fields"]!.AsArray().Select(f => (string?)f).ToList();
        Assert.Superset(new HashSet<string?> { "notifier.name", "notifier.contact.email", "notifier.contact.postalAddress", "explanation", "items[0].url", "signature" }, fields.ToHashSet());
        Assert.DoesNotContain("notifier.role", fields);
        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("request", view.GetProperty("erasure").GetProperty("reason").GetString());
        Assert.Single(view.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "personal-data-erased");

        // Exports after erasure: the bundle still verifies and says "erased" to an officer who asks.
        var bundle = await BundleAsync(_tenant.Auditor, caseId);
        var (code, output) = await VerifyAsync(_folder, bundle, await KeyFileAsync(_tenant.Auditor, _folder));
        Assert.True(code == 0, output);
        Assert.Equal((string?)JsonNode.Parse(before)!["case"]!["noticeCommitment"], (string?)JsonNode.Parse(bundle)!["case"]!["noticeCommitment"]);
        var disclosed = JsonNode.Parse(await BundleAsync(_tenant.Officer, caseId, "?disclose=personal"))!["disclosure"]!;
        Assert.Equal("erased", (string?)disclosed["status"]);
        var exports = new List<(string Where, string Text)>
        {
            ("case view", view.GetRawText()),
            ("erasure answer", answer),
            ("bundle", bundle),
            ("bundle pdf", await PdfTextAsync(caseId)),
            ("statements of reasons", await _tenant.Officer.GetStringAsync(new Uri($"/api/reports/statements-of-reasons?from={Q(DateTimeOffset.UtcNow.AddHours(-1))}&to={Q(DateTimeOffset.UtcNow.AddMinutes(1))}", UriKind.Relative))),
            ("ledger export", Encoding.UTF8.GetString(await _tenant.Auditor.GetByteArrayAsync(new Uri("/api/ledger/export", UriKind.Relative)))),
            ("sla csv", await SlaCsvAsync()),
        };

        var places = await StoredEverywhere.ReadAsync(azurite.Server, _app.StoragePrefix);
        places.AddRange(exports);
        places.AddRange(_app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Select(r => ($"log {r.Category}", $"{r.Message} {r.Exception} {string.Join(" ", r.StructuredState?.Select(kv => kv.Value) ?? [])}")));
        // The search reads what it claims to: the case's rows and its log lines are there.
        Assert.Contains(places, p => p.Where.StartsWith("table", StringComparison.Ordinal) && p.Text.Contains(caseId, StringComparison.Ordinal));
        Assert.Contains(places, p => p.Where.StartsWith("log", StringComparison.Ordinal) && p.Text.Contains(caseId, StringComparison.Ordinal));
        var leaks = places.SelectMany(p => Values.SelectMany(StoredEverywhere.Forms).Where(v => p.Text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{p.Where}: {v}")).Distinct().ToList();
        Assert.True(leaks.Count == 0, "erased data found in: " + string.Join("; ", leaks));
    }

    [Fact]
    public async Task BeforeErasure_OfficerHasThemDisclosedBesideTheirCommitment_StorageHoldsThemOnlySealed()
    {
        var caseId = await PersonalCaseAsync();

        var text = await BundleAsync(_tenant.Officer, caseId, "?disclose=personal");
        var auditor = await _tenant.Auditor.GetAsync(new Uri($"/api/cases/{caseId}/evidence?disclose=personal", UriKind.Relative));
        var bad = await _tenant.Officer.GetAsync(new Uri($"/api/cases/{caseId}/evidence?disclose=all", UriKind.Relative));

        var disclosure = JsonNode.Parse(text)!["disclosure"]!;
        Assert.Equal("disclosed", (string?)disclosure["status"]);
        var notice = (string)disclosure["notice"]!;
        Assert.All(Values, v => Assert.Contains(v, notice, StringComparison.Ordinal));
        var secret = await _app.Services.GetRequiredService<TenantStore>().GetOrCreateCommitmentSecretAsync(_tenant.TenantId);
        Assert.Equal(Commitment.Compute(secret, "notice", notice), (string?)disclosure["noticeCommitment"]);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("disclose", out _));
        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var step = Assert.Single(view.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "personal-data-disclosed");
        Assert.DoesNotContain(Name, step.GetRawText(), StringComparison.Ordinal);

        var stored = await StoredEverywhere.ReadAsync(azurite.Server, _app.StoragePrefix);
        Assert.Contains(stored, p => p.Where.Contains($"c|{caseId}", StringComparison.Ordinal) && p.Text.Contains("DataKey=tfn-env1:", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, p => Values.Any(v => p.Text.Contains(v, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Erase_WhileALegalHoldIsOn_Answers409NamingTheHoldOnceRecordedUntilItIsReleased()
    {
        var caseId = await PersonalCaseAsync();
        await RecordAsync(_tenant.Platform, caseId, Hold(true));
        var holdStep = (await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("timeline").EnumerateArray()
            .Last(s => s.GetProperty("kind").GetString() == "evidence-preserved");

        var refused = await EraseAsync(caseId, "pipl-47");
        var refusedAgain = await EraseAsync(caseId, "pipl-47");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(holdStep.GetProperty("eventId").GetString(), problem.GetProperty("hold").GetProperty("stepId").GetString());
        Assert.Equal(holdStep.GetProperty("recordedAt").GetDateTimeOffset(), problem.GetProperty("hold").GetProperty("setAt").GetDateTimeOffset());
        Assert.Contains(holdStep.GetProperty("eventId").GetString()!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(problem.GetProperty("refusalStepId").GetString(), (await refusedAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusalStepId").GetString());
        var held = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Single(held.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "erasure-refused");
        Assert.Equal(JsonValueKind.Null, held.GetProperty("erasure").ValueKind);

        await RecordAsync(_tenant.Platform, caseId, Hold(false));
        var erased = await EraseAsync(caseId, "pipl-47");

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("pipl-47", view.GetProperty("erasure").GetProperty("legalBasis").GetString());
    }

    [Fact]
    public async Task Erase_BadBodyUnknownCaseOrNotAnOfficer_AnswersProblemsAndErasesNothing()
    {
        var caseId = await PersonalCaseAsync();

        var noBasis = await _tenant.Officer.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json("{}"));
        var badBasis = await _tenant.Officer.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json("""{"legalBasis": "because"}"""));
        var unknownField = await _tenant.Officer.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json("""{"legalBasis": "gdpr-17", "name": "x"}"""));
        var unknown = await _tenant.Officer.PostAsync(new Uri("/api/cases/0123456789abcdef012345/erasure", UriKind.Relative), SampleNotices.Json("""{"legalBasis": "gdpr-17"}"""));
        var platform = await _tenant.Platform.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json("""{"legalBasis": "gdpr-17"}"""));
        var auditor = await _tenant.Auditor.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json("""{"legalBasis": "gdpr-17"}"""));

        foreach (var (response, field) in new[] { (noBasis, "legalBasis"), (badBasis, "legalBasis"), (unknownField, "name") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, platform.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(JsonValueKind.Null, view.GetProperty("erasure").ValueKind);
        Assert.Contains(Name, (string)JsonNode.Parse(await BundleAsync(_tenant.Officer, caseId, "?disclose=personal"))!["disclosure"]!["notice"]!, StringComparison.Ordinal);
    }

    internal static JsonObject Hold(bool on) => new()
    {
        ["kind"] = "evidence-preserved",
        ["evidence"] = new JsonObject { ["contentHash"] = new string('a', 64), ["snapshotLocation"] = "vault://snap/1", ["retentionDays"] = 365, ["legalHold"] = on },
    };

    private async Task<string> PersonalCaseAsync()
    {
        var notice = SampleNotices.Dmca();
        notice["items"] = new JsonArray(new JsonObject { ["url"] = Url });
        notice["notifier"] = new JsonObject
        {
            ["name"] = Name,
            ["contact"] = new JsonObject { ["email"] = Email, ["postalAddress"] = Address },
            ["role"] = "right-holder",
        };
        notice["explanation"] = Explanation;
        notice["signature"] = Signature;
        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        await Eventually.GetJsonAsync(_tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        return caseId;
    }

    private Task<HttpResponseMessage> EraseAsync(string caseId, string basis) =>
        _tenant.Officer.PostAsync(new Uri($"/api/cases/{caseId}/erasure", UriKind.Relative), SampleNotices.Json(new JsonObject { ["legalBasis"] = basis }));

    private static async Task<string> BundleAsync(HttpClient client, string caseId, string query = "")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(new Uri($"/api/cases/{caseId}/evidence{query}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsStringAsync();
            }

            Assert.True(response.StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < deadline, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    private async Task<string> PdfTextAsync(string caseId)
    {
        var response = await _tenant.Auditor.GetAsync(new Uri($"/api/cases/{caseId}/evidence?format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private async Task<string> SlaCsvAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/sla?from={DateTimeOffset.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}&groupBy=source");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await _tenant.Officer.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Q(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O"));
}
