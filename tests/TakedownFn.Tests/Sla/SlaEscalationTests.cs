using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Storage.Cases;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>Escalation: the at-risk query, and the tenant's webhook, signed and retried, on a loopback listener.</summary>
public sealed class SlaEscalationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server, new Dictionary<string, string> { ["TakedownFn:Sla:EscalationRetryDelay"] = "00:00:01" });
        _tenant = await _app.CreateTenantAsync();
        _admin = await _app.AdminClientAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AtRisk_WithinAnHour_ListsTheStageDueSoonThenBreachedThenNothingOnceDone()
    {
        await SetActLengthAsync(_admin, _tenant.TenantId, 4);
        var caseId = await TriagedCaseAsync(_tenant);

        var soon = await _tenant.Officer.GetFromJsonAsync<JsonElement>("/api/sla/at-risk?within=PT1H");
        var item = Assert.Single(Items(soon, caseId));
        Assert.Equal("act", item.GetProperty("stage").GetString());
        Assert.Contains(item.GetProperty("status").GetString(), new[] { "due-soon", "warning", "overdue" });
        Assert.Equal("PT1H", soon.GetProperty("within").GetString());
        // The 24-hour acknowledgement is not due within the hour; within two days it is.
        var wider = await _tenant.Auditor.GetFromJsonAsync<JsonElement>("/api/sla/at-risk?within=P2D");
        Assert.Single(Items(wider, caseId, "acknowledge"));
        Assert.Empty(Items(soon, caseId, "acknowledge"));

        await WaitForStepAsync(_tenant.Officer, caseId, "sla-breached");
        var breached = await _tenant.Platform.GetFromJsonAsync<JsonElement>("/api/sla/at-risk?within=PT1H");
        Assert.Equal("breached", Assert.Single(Items(breached, caseId)).GetProperty("status").GetString());

        await RecordStepAsync(_tenant.Platform, caseId, new JsonObject { ["kind"] = "content-removed" });
        Assert.Empty(Items(await _tenant.Officer.GetFromJsonAsync<JsonElement>("/api/sla/at-risk?within=PT1H"), caseId));
    }

    [Theory]
    [InlineData("1h")]
    [InlineData("P1Y")]
    [InlineData("PT0S")]
    [InlineData("-PT1H")]
    [InlineData("P40D")]
    public async Task AtRisk_BadWithin_Answers400NamingWithin(string within)
    {
        var response = await _tenant.Officer.GetAsync(new Uri($"/api/sla/at-risk?within={Uri.EscapeDataString(within)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("within", out _));
    }

    [Fact]
    public async Task AtRisk_AdminKey_IsForbidden()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _admin.GetAsync(new Uri("/api/sla/at-risk", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Webhook_Breach_IsPostedSignedAndRetriedUntilAcceptedWithoutHoldingTheCase()
    {
        using var listener = new WebhookListener(failFirst: 2);
        var put = await _admin.PutAsync(new Uri($"/api/tenants/{_tenant.TenantId}/escalation-webhook", UriKind.Relative),
            SampleNotices.Json(new JsonObject { ["url"] = listener.Url }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var secret = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        await SetActLengthAsync(_admin, _tenant.TenantId, 3);
        var caseId = await TriagedCaseAsync(_tenant);

        // The breach is on the case at once, whatever the webhook answers.
        var view = await WaitForStepAsync(_tenant.Officer, caseId, "sla-breached");
        var eventId = Assert.Single(Steps(view, "sla-breached")).GetProperty("eventId").GetString();
        var deliveries = await Eventually.GetAsync(
            () => Task.FromResult(listener.Received.Where(r => r.EventId == eventId).ToList()), list => list.Any(r => r.Answered == 200), TimeSpan.FromSeconds(30));

        Assert.Equal([500, 500, 200], deliveries.Select(d => d.Answered));
        Assert.True(deliveries[2].At - deliveries[1].At > deliveries[1].At - deliveries[0].At - TimeSpan.FromMilliseconds(300), "retries back off");
        foreach (var delivery in deliveries)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{delivery.Timestamp}.{delivery.Body}")));
            Assert.Equal(expected, delivery.Signature);
        }

        using var body = JsonDocument.Parse(deliveries[2].Body);
        Assert.Equal("sla-breached", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal(caseId, body.RootElement.GetProperty("caseId").GetString());
        Assert.Equal("act", body.RootElement.GetProperty("stage").GetString());
        Assert.DoesNotContain("notifier", deliveries[2].Body, StringComparison.OrdinalIgnoreCase);
        // Delivered: no escalation is left for the sweep to send again.
        var outbox = await Eventually.GetAsync(
            () => _app.Services.GetRequiredService<CaseStore>().DueSlaEntriesAsync(_tenant.TenantId, DateTimeOffset.UtcNow.AddHours(1)),
            entries => !entries.Any(e => e.Kind == SlaIndexKind.Escalation && e.Escalation!.EventId == eventId));
        Assert.DoesNotContain(outbox, e => e.Kind == SlaIndexKind.Escalation && e.Escalation!.EventId == eventId);
    }

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("https://user:pw@example.com/hook")]
    [InlineData("not a url")]
    public async Task Webhook_BadUrl_Answers400NamingUrl(string url)
    {
        var response = await _admin.PutAsync(new Uri($"/api/tenants/{_tenant.TenantId}/escalation-webhook", UriKind.Relative), SampleNotices.Json(new JsonObject { ["url"] = url }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("url", out _));
    }

    private static IEnumerable<JsonElement> Items(JsonElement view, string caseId, string stage = "act") =>
        view.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("caseId").GetString() == caseId && i.GetProperty("stage").GetString() == stage);
}
