using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Domain.Surge;
using TakedownFn.Storage.Surge;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using TakedownFn.Tests.Sla;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Surge;

/// <summary>
/// Surge early warning through the API: notices tagged with one topic arrive faster than the topic's
/// baseline allows; the notice that tips it gets an <c>incident-surge</c> step, the at-risk view lists
/// the surge, the webhook is told with the recommended measures, and the platform records its response.
/// </summary>
public sealed class SurgeTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task TwelveNoticesOnANewTopic_TheTenthFiresOneSurgeRecordedEscalatedAndAnswered()
    {
        using var listener = new WebhookListener(failFirst: 0);
        var put = await Admin.PutAsync(new Uri($"/api/tenants/{Tenant.TenantId}/escalation-webhook", UriKind.Relative), SampleNotices.Json(new JsonObject { ["url"] = listener.Url }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // Twelve doxxing notices about one trending event, and three about another, in one batch.
        var notices = Enumerable.Range(0, 12).Select(_ => Tagged("evt-20261207-0042"))
            .Concat(Enumerable.Range(0, 3).Select(_ => Tagged("evt-quiet-7")));
        var batch = await Tenant.Platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), SampleNotices.Json(new JsonObject { ["notices"] = new JsonArray([.. notices]) }));
        var results = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        var caseIds = results.Select(r => r.GetProperty("caseId").GetString()!).ToList();
        foreach (var caseId in caseIds)
        {
            await TriagedAsync(caseId);
        }

        // On a new topic μ is the floor, 1 a window; the tenth notice makes P(X ≥ 10) ≈ 1.1e-7 < 0.001.
        var at = await Eventually.GetJsonAsync(Tenant.Officer, "/api/sla/at-risk", v => v.GetProperty("surges").GetArrayLength() > 0);
        var surge = Assert.Single(at.GetProperty("surges").EnumerateArray());
        Assert.Equal(("topic:evt-20261207-0042", 10, 1.0), (surge.GetProperty("stream").GetString(), surge.GetProperty("windowCount").GetInt32(), surge.GetProperty("expected").GetDouble()));
        Assert.Equal(["rate-limit-reposts", "warn-users", "prioritise-review"], surge.GetProperty("recommendedMeasures").EnumerateArray().Select(m => m.GetString()));
        var firedBy = surge.GetProperty("caseId").GetString()!;
        Assert.Contains(firedBy, caseIds.Take(12));

        // Exactly one case carries the step; the quiet topic's cases none.
        var withStep = new List<string>();
        foreach (var caseId in caseIds)
        {
            var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            withStep.AddRange(Steps(view, "incident-surge").Select(_ => caseId));
        }

        Assert.Equal([firedBy], withStep);
        var fired = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{firedBy}");
        var step = Assert.Single(Steps(fired, "incident-surge"));
        Assert.Equal(surge.GetProperty("eventId").GetString(), step.GetProperty("eventId").GetString());
        Assert.Equal(("service", 10), (step.GetProperty("actor").GetString(), step.GetProperty("details").GetProperty("windowCount").GetInt32()));

        // The webhook hears of it, once, with the measures.
        var delivery = await Eventually.GetAsync(() => Task.FromResult(listener.Received.ToList()), r => r.Count > 0);
        var body = JsonDocument.Parse(Assert.Single(delivery).Body).RootElement;
        Assert.Equal(("incident-surge", firedBy, "topic:evt-20261207-0042"), (body.GetProperty("kind").GetString(), body.GetProperty("caseId").GetString(), body.GetProperty("stream").GetString()));
        Assert.Equal(3, body.GetProperty("recommendedMeasures").GetArrayLength());

        // The platform records what it did, so it can later show when it acted.
        await RecordStepAsync(Tenant.Platform, firedBy, new JsonObject
        {
            ["kind"] = "surge-response",
            ["measures"] = new JsonArray("rate-limit-reposts", "prioritise-review"),
            ["reference"] = step.GetProperty("eventId").GetString(),
        });
        var answered = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{firedBy}");
        var response = Assert.Single(Steps(answered, "surge-response"));
        Assert.Equal(["rate-limit-reposts", "prioritise-review"], response.GetProperty("details").GetProperty("measures").EnumerateArray().Select(m => m.GetString()));

        // A redelivered notice is not counted again.
        var again = await App.Services.GetRequiredService<SurgeStore>().CountAsync(Tenant.TenantId, "topic:evt-20261207-0042", firedBy, DateTimeOffset.UtcNow, SurgeRule.Default);
        Assert.Null(again.Verdict);
        Assert.Equal(12, again.State.Counts.Values.Sum());
    }

    [Fact]
    public async Task TenNoticesAboutOneVictim_TheIncidentStreamSurgesOnTheTenth()
    {
        // One at a time, so every notice joins the incident the first one opened.
        var caseIds = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var caseId = await SubmitAsync(Incidents.DoxxingNotices.With("reposted again", victimAccount: "acct-victim-77"));
            await TriagedAsync(caseId);
            caseIds.Add(caseId);
        }

        var first = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseIds[0]}", v => v.TryGetProperty("incident", out var i) && i.ValueKind == JsonValueKind.String);
        var incidentId = first.GetProperty("incident").GetString();
        var at = await Eventually.GetJsonAsync(Tenant.Officer, "/api/sla/at-risk", v => v.GetProperty("surges").GetArrayLength() > 0);

        var surge = Assert.Single(at.GetProperty("surges").EnumerateArray());
        Assert.Equal(($"incident:{incidentId}", caseIds[^1], 10), (surge.GetProperty("stream").GetString(), surge.GetProperty("caseId").GetString(), surge.GetProperty("windowCount").GetInt32()));
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseIds[^1]}");
        Assert.Single(Steps(view, "incident-surge"));
    }

    [Theory]
    [InlineData("Zhang San")]
    [InlineData("evt 1")]
    [InlineData("张三")]
    [InlineData("victim@example.cn")]
    [InlineData("-evt")]
    [InlineData("")]
    public async Task Submit_BadTopic_Answers400NamingTopic(string topic)
    {
        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(Tagged(topic)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("topic", out _));
        Assert.DoesNotContain(topic.Length > 0 ? topic : "\"\"", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SurgeResponse_WithoutMeasures_Answers400NamingMeasures()
    {
        var caseId = await SubmitAsync(Tagged("evt-1"));
        await TriagedAsync(caseId);

        var response = await Tenant.Platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative),
            SampleNotices.Json(new JsonObject { ["kind"] = "surge-response", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"), ["measures"] = new JsonArray("block-everything") }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("measures[0]", out _));
    }

    private static JsonObject Tagged(string topic)
    {
        var notice = SampleNotices.Doxxing();
        notice["topic"] = topic;
        return notice;
    }
}
