using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tenants;
using TakedownFn.Tests.Incidents;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// A platform's, an officer's, an auditor's and an admin's day with the standalone app on Azurite,
/// every answer checked against the OpenAPI document the app serves (<see cref="DocumentResponses"/>):
/// notices single and batch, triage, steps of every kind, case views, at-risk, reports, evidence,
/// the ledger, keys administration and the errors on the way. Any answer the document does not
/// describe fails the test with its route, status and JSON path.
/// </summary>
public sealed class ResponseConformanceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly LedgerKeyPair Key = LedgerKeyPair.Generate();

    private TakedownFnFactory _app = null!;
    private DocumentResponses _responses = null!;

    public async Task InitializeAsync()
    {
        var settings = Ledger.LedgerApp.Settings(Key.PrivateKeyPem);
        // Many requests in a short scenario; the rate limits have their own tests.
        foreach (var scope in new[] { "Tenant", "Key" })
        {
            settings[$"TakedownFn:RateLimits:{scope}:Burst"] = "100000";
            settings[$"TakedownFn:RateLimits:{scope}:PerPeriod"] = "100000";
        }

        _app = new TakedownFnFactory(azurite.Server, settings);
        _responses = new DocumentResponses(await OpenApiDocumentTests.GetDocumentAsync(_app));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Scenario_EveryAnswer_ConformsToTheDocument()
    {
        await _app.WaitUntilReadyAsync();
        var admin = Client((await _app.Services.GetRequiredService<TenantAdministration>().IssueKeyAsync(null, Role.Admin, CancellationToken.None)).Key);
        var anonymous = Client(null);
        var now = DateTimeOffset.UtcNow;

        // Keys administration, and its errors.
        var tenantId = (await SendAsync(admin, "POST", "/api/tenants", """{"name": "Conformance platform"}""", HttpStatusCode.Created))!["tenantId"]!.GetValue<string>();
        await SendAsync(admin, "POST", "/api/tenants", """{"name": ""}""", HttpStatusCode.BadRequest);
        await SendAsync(admin, "POST", "/api/tenants", "name=x", HttpStatusCode.UnsupportedMediaType, "application/x-www-form-urlencoded");
        var platform = Client(await IssueAsync(admin, tenantId, "platform"));
        var officer = Client(await IssueAsync(admin, tenantId, "officer"));
        var auditor = Client(await IssueAsync(admin, tenantId, "auditor", now.AddDays(30)));
        var spare = (await SendAsync(admin, "POST", $"/api/tenants/{tenantId}/keys", """{"role": "auditor"}""", HttpStatusCode.Created))!["keyId"]!.GetValue<string>();
        await SendAsync(admin, "POST", $"/api/tenants/{tenantId}/keys", """{"role": "admin"}""", HttpStatusCode.BadRequest);
        await SendAsync(admin, "POST", "/api/tenants/t-nobody/keys", """{"role": "officer"}""", HttpStatusCode.NotFound);
        await SendAsync(admin, "GET", $"/api/tenants/{tenantId}/keys", null, HttpStatusCode.OK);
        await SendAsync(admin, "DELETE", $"/api/tenants/{tenantId}/keys/{spare}", null, HttpStatusCode.OK);
        await SendAsync(admin, "DELETE", $"/api/tenants/{tenantId}/keys/k-nobody", null, HttpStatusCode.NotFound);
        await SendAsync(admin, "PUT", $"/api/tenants/{tenantId}/request-signing", """{"required": false}""", HttpStatusCode.OK);
        await SendAsync(admin, "PUT", $"/api/tenants/{tenantId}/request-signing", "{}", HttpStatusCode.BadRequest);
        var signed = (await SendAsync(admin, "POST", "/api/tenants", """{"name": "Signing platform"}""", HttpStatusCode.Created))!["tenantId"]!.GetValue<string>();
        await SendAsync(admin, "PUT", $"/api/tenants/{signed}/request-signing", """{"required": true}""", HttpStatusCode.OK);
        await SendAsync(admin, "PUT", $"/api/tenants/{tenantId}/escalation-webhook", """{"url": "http://127.0.0.1:9/escalations"}""", HttpStatusCode.OK);
        await SendAsync(admin, "PUT", $"/api/tenants/{tenantId}/escalation-webhook", """{"url": "ftp://example.com"}""", HttpStatusCode.BadRequest);
        var rule = """{"regime": "us-dmca", "category": "copyright", "stage": "act", "length": 3, "unit": "business-days"}""";
        await SendAsync(admin, "PUT", $"/api/tenants/{tenantId}/sla-override", $$"""{"tenant": "{{tenantId}}", "version": 1, "rules": [{{rule}}]}""", HttpStatusCode.OK);
        await SendAsync(admin, "PUT", $"/api/tenants/{tenantId}/sla-override", $$"""{"tenant": "{{tenantId}}", "version": 2, "rules": [{{rule.Replace("business-days", "fortnights", StringComparison.Ordinal)}}]}""", HttpStatusCode.BadRequest);
        await SendAsync(admin, "GET", "/api/cases", null, HttpStatusCode.Forbidden);
        await SendAsync(anonymous, "GET", "/api/cases", null, HttpStatusCode.Unauthorized);
        await SendAsync(anonymous, "GET", "/api/health", null, HttpStatusCode.OK);

        // Notices: one, a replay, a reused reference, a bad one, a batch with and without a key.
        var notice = SampleNotices.Dmca();
        var caseId = (await SendAsync(platform, "POST", "/api/notices", notice.ToJsonString(), HttpStatusCode.Accepted))!["caseId"]!.GetValue<string>();
        await SendAsync(platform, "POST", "/api/notices", notice.ToJsonString(), HttpStatusCode.Accepted);
        var reused = SampleNotices.Dmca((string)notice["platformReference"]!);
        reused["explanation"] = "Another film.";
        await SendAsync(platform, "POST", "/api/notices", reused.ToJsonString(), (HttpStatusCode)422);
        await SendAsync(platform, "POST", "/api/notices", """{"regime": "us-dmca", "items": "none"}""", HttpStatusCode.BadRequest);
        await SendAsync(platform, "POST", "/api/notices", "{}", HttpStatusCode.BadRequest, headers: [("Idempotency-Key", "\u00e9")]);
        await SendAsync(officer, "POST", "/api/notices", notice.ToJsonString(), HttpStatusCode.Forbidden);
        var batch = $$"""{"notices": [{{SampleNotices.Dmca().ToJsonString()}}, {"regime": "nowhere"}, {{DoxxingNotices.With("她的手机13912345678，住在朝阳区幸福路8号", uploader: "acct-a")}}]}""";
        await SendAsync(platform, "POST", "/api/notices/batch", batch, HttpStatusCode.OK);
        await SendAsync(platform, "POST", "/api/notices/batch", batch, HttpStatusCode.OK, headers: [("Idempotency-Key", "batch-1")]);
        await SendAsync(platform, "POST", "/api/notices/batch", batch, HttpStatusCode.OK, headers: [("Idempotency-Key", "batch-1")]);
        await SendAsync(platform, "POST", "/api/notices/batch", """{"notices": []}""", HttpStatusCode.BadRequest);

        // Triage, then the case views.
        var triaged = await Eventually.GetAsync(() => SendAsync(officer, "GET", $"/api/cases/{caseId}", null, HttpStatusCode.OK), c => (string?)c!["state"] == "triaged");
        Assert.Equal("triaged", (string?)triaged!["state"]);
        await SendAsync(officer, "GET", "/api/cases?pageSize=2", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", "/api/cases?state=bogus&pageSize=0", null, HttpStatusCode.BadRequest);
        await SendAsync(officer, "GET", "/api/cases/c-nobody", null, HttpStatusCode.NotFound);
        await SendAsync(officer, "GET", "/api/sla/at-risk?within=P7D", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", "/api/sla/at-risk?within=P1Y", null, HttpStatusCode.BadRequest);

        // Every step kind the platform reports (the README's examples, at the case's times), then a retry and a correction.
        var statuses = new List<HttpStatusCode>();
        string? firstStep = null;
        foreach (var example in ReadmeReferenceTests.StepExampleLines())
        {
            var step = JsonNode.Parse(example)!.AsObject();
            step["occurredAt"] = DateTimeOffset.UtcNow.ToString("O");
            if (step["correctsStepId"] is not null)
            {
                step["correctsStepId"] = firstStep;
            }

            var (status, answer) = await SendAnyAsync(platform, "POST", $"/api/cases/{caseId}/steps", step.ToJsonString());
            statuses.Add(status);
            firstStep ??= status == HttpStatusCode.Created ? (string?)answer!["eventId"] : null;
        }

        Assert.True(statuses.Count(s => s == HttpStatusCode.Created) >= 5, string.Join(", ", statuses));
        Assert.Contains(HttpStatusCode.Conflict, statuses);
        var retried = SampleNotices.Dmca();
        var other = (await SendAsync(platform, "POST", "/api/notices", retried.ToJsonString(), HttpStatusCode.Accepted))!["caseId"]!.GetValue<string>();
        await Eventually.GetAsync(() => SendAsync(officer, "GET", $"/api/cases/{other}", null, HttpStatusCode.OK), c => (string?)c!["state"] == "triaged");
        var removal = $$"""{"kind": "content-removed", "occurredAt": "{{DateTimeOffset.UtcNow:O}}"}""";
        await SendAsync(platform, "POST", $"/api/cases/{other}/steps", removal, HttpStatusCode.Created, headers: [("Idempotency-Key", "removal-1")]);
        await SendAsync(platform, "POST", $"/api/cases/{other}/steps", removal, HttpStatusCode.OK, headers: [("Idempotency-Key", "removal-1")]);
        await SendAsync(platform, "POST", $"/api/cases/{other}/steps", """{"kind": "triaged"}""", HttpStatusCode.BadRequest);
        await SendAsync(platform, "POST", "/api/cases/c-nobody/steps", removal, HttpStatusCode.NotFound);
        await SendAsync(officer, "GET", $"/api/cases/{caseId}", null, HttpStatusCode.OK);

        // The ledger, once its checkpoint covers the steps.
        var checkpoint = await Eventually.GetAsync(() => SendAnyAsync(auditor, "GET", "/api/ledger/checkpoint", null), c => c.Status == HttpStatusCode.OK && (long)c.Body!["treeSize"]! >= 10);
        Assert.Equal(HttpStatusCode.OK, checkpoint.Status);
        await SendAsync(auditor, "GET", "/api/ledger/keys", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", "/api/ledger/proofs/inclusion?index=1", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", "/api/ledger/proofs/inclusion?eventId=ev-nothing", null, HttpStatusCode.NotFound);
        await SendAsync(auditor, "GET", "/api/ledger/proofs/inclusion", null, HttpStatusCode.BadRequest);
        await SendAsync(auditor, "GET", "/api/ledger/proofs/consistency?from=1", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", "/api/ledger/proofs/consistency?from=0", null, HttpStatusCode.BadRequest);
        await SendAsync(auditor, "GET", "/api/ledger/leaves?start=0&count=5", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", "/api/ledger/leaves?count=0", null, HttpStatusCode.BadRequest);
        await SendAsync(auditor, "GET", "/api/ledger/export", null, HttpStatusCode.OK);

        // Evidence, JSON and PDF.
        var bundle = await Eventually.GetAsync(() => SendAnyAsync(auditor, "GET", $"/api/cases/{caseId}/evidence", null), b => b.Status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, bundle.Status);
        // The other case's last steps may reach a checkpoint a moment later (409 until then, also checked).
        var pdf = await Eventually.GetAsync(() => SendAnyAsync(officer, "GET", $"/api/cases/{other}/evidence?format=pdf", null), b => b.Status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        await SendAsync(auditor, "GET", $"/api/cases/{caseId}/evidence?format=xml", null, HttpStatusCode.BadRequest);
        await SendAsync(auditor, "GET", "/api/cases/c-nobody/evidence", null, HttpStatusCode.NotFound);
        await SendAsync(officer, "GET", $"/api/cases/{caseId}/evidence?disclose=personal", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", $"/api/cases/{caseId}/evidence?disclose=personal", null, HttpStatusCode.Forbidden);
        await SendAsync(auditor, "GET", "/api/me", null, HttpStatusCode.OK);

        // Reports: JSON and CSV, the statements, a period closed twice and its differences.
        var from = now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = now.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(officer, "GET", $"/api/reports/sla?from={from}&to={to}&groupBy=regime,day", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", $"/api/reports/sla?from={from}&to={to}", null, HttpStatusCode.OK, accept: "text/csv");
        await SendAsync(officer, "GET", $"/api/reports/sla?from={to}&to={from}", null, HttpStatusCode.BadRequest);
        await SendAsync(officer, "GET", $"/api/reports/sla?from={from}&to={to}&breaches=1", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", $"/api/reports/sla?from={from}&to={to}&breaches=0", null, HttpStatusCode.BadRequest);
        await SendAsync(officer, "GET", $"/api/reports/dsa-transparency?from={from}&to={to}", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", $"/api/reports/dsa-transparency?from={from}&to={to}&part=identification", null, HttpStatusCode.OK, accept: "text/csv");
        await SendAsync(officer, "GET", $"/api/reports/dsa-transparency?from={from}&to={to}&part=all", null, HttpStatusCode.BadRequest);
        await SendAsync(officer, "GET", $"/api/reports/statements-of-reasons?from={now.AddDays(-1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={now.AddDays(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", "/api/reports/statements-of-reasons", null, HttpStatusCode.BadRequest);
        await SendAsync(auditor, "GET", "/api/reports/statements-of-reasons", null, HttpStatusCode.Forbidden);
        await SendAsync(auditor, "GET", $"/api/reports/safe-harbour?from={from}&to={to}&regime=us-dmca", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", $"/api/reports/safe-harbour?from={from}&to={to}&regime=nowhere", null, HttpStatusCode.BadRequest);
        var statementPdf = await SendAnyAsync(auditor, "GET", $"/api/reports/safe-harbour?from={from}&to={to}&format=pdf", null);
        Assert.Equal(HttpStatusCode.OK, statementPdf.Status);
        var period = $$"""{"from": "{{from}}", "to": "{{to}}", "groupBy": "regime"}""";
        var closed = await SendAsync(officer, "POST", "/api/reports/periods", period, HttpStatusCode.Created);
        await SendAsync(officer, "POST", "/api/reports/periods", period, HttpStatusCode.OK);
        await SendAsync(officer, "POST", "/api/reports/periods", """{"from": "tomorrow"}""", HttpStatusCode.BadRequest);
        var periodId = (string)closed!["statement"]!["periodId"]!;
        await SendAsync(auditor, "GET", $"/api/reports/periods/{periodId}", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", $"/api/reports/periods/{periodId}/differences", null, HttpStatusCode.OK);
        await SendAsync(auditor, "GET", "/api/reports/periods/p-nobody", null, HttpStatusCode.NotFound);

        // Incidents of the doxxing notice in the batch.
        var incidents = await Eventually.GetAsync(() => SendAsync(officer, "GET", "/api/incidents", null, HttpStatusCode.OK), i => i!["incidents"]!.AsArray().Count > 0);
        await SendAsync(officer, "GET", $"/api/incidents/{(string)incidents!["incidents"]![0]!["incidentId"]!}", null, HttpStatusCode.OK);
        await SendAsync(officer, "GET", "/api/incidents/i-nobody", null, HttpStatusCode.NotFound);
        await SendAsync(officer, "GET", "/api/incidents?pageSize=5000", null, HttpStatusCode.BadRequest);
        await SendAsync(officer, "GET", "/api/repeat-disclosers", null, HttpStatusCode.OK);

        // Last, since it takes the other case's personal data away: its erasure, and a body without a legal basis.
        await SendAsync(officer, "POST", $"/api/cases/{other}/erasure", """{"legalBasis": "forgotten"}""", HttpStatusCode.BadRequest);
        await SendAsync(officer, "POST", $"/api/cases/{other}/erasure", """{"legalBasis": "gdpr-17"}""", HttpStatusCode.OK);
        await SendAsync(auditor, "POST", $"/api/cases/{other}/erasure", """{"legalBasis": "gdpr-17"}""", HttpStatusCode.Forbidden);

        Assert.True(_responses.Failures.IsEmpty, string.Join("\n", _responses.Failures));
        var unanswered = Operations().Where(o => !_responses.Seen.Keys.Any(s => s.StartsWith(o + " 2", StringComparison.Ordinal))).ToList();
        Assert.True(unanswered.Count == 0, "Never answered with success in the scenario: " + string.Join(", ", unanswered));
    }

    private IEnumerable<string> Operations() =>
        _responses.Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"));

    private HttpClient Client(string? key)
    {
        var client = _app.CreateDefaultClient(_responses.Handler());
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        }

        return client;
    }

    private async Task<string> IssueAsync(HttpClient admin, string tenantId, string role, DateTimeOffset? expiresAt = null)
    {
        var body = expiresAt is null ? $$"""{"role": "{{role}}"}""" : $$"""{"role": "{{role}}", "expiresAt": "{{expiresAt:O}}"}""";
        return (await SendAsync(admin, "POST", $"/api/tenants/{tenantId}/keys", body, HttpStatusCode.Created))!["key"]!.GetValue<string>();
    }

    /// <summary>Sends a request and asserts its status; returns the JSON body, if any.</summary>
    private async Task<JsonNode?> SendAsync(
        HttpClient client, string method, string path, string? body, HttpStatusCode expected, string contentType = "application/json", string? accept = null, (string Name, string Value)[]? headers = null)
    {
        var (status, json) = await SendAnyAsync(client, method, path, body, contentType, accept, headers);
        Assert.True(expected == status, $"{method} {path}: {(int)status}, expected {(int)expected}: {json?.ToJsonString()}");
        return json;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAnyAsync(
        HttpClient client, string method, string path, string? body, string contentType = "application/json", string? accept = null, (string Name, string Value)[]? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        var isJson = media.EndsWith("/json", StringComparison.Ordinal) || media.EndsWith("+json", StringComparison.Ordinal);
        return (response.StatusCode, isJson && text.Length > 0 ? JsonNode.Parse(text) : null);
    }
}
