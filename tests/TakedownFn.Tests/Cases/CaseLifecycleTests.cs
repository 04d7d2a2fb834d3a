using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Cases;

/// <summary>A platform records what it did on a case; the case shows its state, deadlines and timeline.</summary>
public sealed class CaseLifecycleTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task Steps_SubmitRemovePreserveInformClose_EndsClosedWithActDeadlineMet()
    {
        var caseId = await TriagedCaseAsync();

        await StepAsync(caseId, new JsonObject { ["kind"] = "content-removed" }, HttpStatusCode.Created);
        await StepAsync(caseId, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('a', 64), ["snapshotLocation"] = "vault://snap/1", ["retentionDays"] = 365, ["legalHold"] = true },
        }, HttpStatusCode.Created);
        await StepAsync(caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "decision" }, HttpStatusCode.Created);
        await StepAsync(caseId, new JsonObject { ["kind"] = "case-closed" }, HttpStatusCode.Created);

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("closed", view.GetProperty("state").GetString());
        Assert.Equal(
            ["received", "validated", "triaged", "content-removed", "evidence-preserved", "notifier-informed", "case-closed"],
            view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var act = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal("met", act.GetProperty("status").GetString());
        Assert.True(act.GetProperty("margin").GetString()!.Length > 0);
        var evidence = view.GetProperty("timeline")[4].GetProperty("details").GetProperty("evidence");
        Assert.True(evidence.GetProperty("legalHold").GetBoolean());
    }

    [Fact]
    public async Task Steps_IllegalStep_Answers409WithStateAndAllowedSteps()
    {
        var caseId = await TriagedCaseAsync();

        var response = await StepAsync(caseId, new JsonObject { ["kind"] = "content-restored" }, HttpStatusCode.Conflict);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("triaged", problem.GetProperty("currentState").GetString());
        var allowed = problem.GetProperty("allowedNextSteps").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("content-removed", allowed);
        Assert.DoesNotContain("content-restored", allowed);
        Assert.DoesNotContain("triaged", allowed);
    }

    [Fact]
    public async Task Steps_ServiceOnlyKind_IsRefusedNamingKind()
    {
        var caseId = await TriagedCaseAsync();

        var response = await StepAsync(caseId, new JsonObject { ["kind"] = "validated" }, HttpStatusCode.BadRequest);

        Assert.Contains("\"kind\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_ClaimedTimeBeforeReceipt_IsRefused()
    {
        var caseId = await TriagedCaseAsync();

        var response = await StepAsync(caseId, new JsonObject { ["kind"] = "content-removed", ["occurredAt"] = DateTimeOffset.UtcNow.AddDays(-30).ToString("O") }, HttpStatusCode.BadRequest);

        Assert.Contains("occurredAt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_CorrectionOfAStep_IsAppendedAndRefersToIt()
    {
        var caseId = await TriagedCaseAsync();
        var removed = await (await StepAsync(caseId, new JsonObject { ["kind"] = "content-removed" }, HttpStatusCode.Created)).Content.ReadFromJsonAsync<JsonElement>();
        var eventId = removed.GetProperty("eventId").GetString();

        await StepAsync(caseId, new JsonObject { ["kind"] = "correction", ["correctsStepId"] = eventId, ["reason"] = "Removed at 10:02, not 10:20." }, HttpStatusCode.Created);
        await StepAsync(caseId, new JsonObject { ["kind"] = "correction", ["correctsStepId"] = "ev-nope", ["reason"] = "x" }, HttpStatusCode.BadRequest);

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var timeline = view.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal("content-removed", timeline[3].GetProperty("kind").GetString());
        Assert.Equal(eventId, timeline[4].GetProperty("correctsStepId").GetString());
    }

    [Fact]
    public async Task Steps_SameIdempotencyKeyTwice_RecordsOneStep()
    {
        var caseId = await TriagedCaseAsync();

        // A retry sends the same body (StepAsync sets occurredAt once on the object).
        var removal = new JsonObject { ["kind"] = "content-removed" };
        var first = await StepAsync(caseId, removal, HttpStatusCode.Created, key: "step-1");
        var again = await StepAsync(caseId, removal, HttpStatusCode.OK, key: "step-1");

        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString());
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(4, view.GetProperty("timeline").GetArrayLength());
    }

    [Theory]
    [InlineData("notifier-informed", "other")] // same kind, other details
    [InlineData("content-disabled", null)] // another kind
    public async Task Steps_SameIdempotencyKeyForADifferentStep_Answers422AndRecordsNothing(string kind, string? topic)
    {
        var caseId = await TriagedCaseAsync();
        var occurredAt = DateTimeOffset.UtcNow.ToString("O");
        await StepAsync(caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "decision", ["occurredAt"] = occurredAt }, HttpStatusCode.Created, key: "step-2");
        var other = new JsonObject { ["kind"] = kind, ["occurredAt"] = occurredAt };
        if (topic is not null)
        {
            other["topic"] = topic;
        }

        var reused = await StepAsync(caseId, other, (HttpStatusCode)422, key: "step-2");

        var problem = await reused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.GetRawText());
        Assert.False(reused.Headers.Contains("Idempotent-Replayed"));
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(4, view.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Steps_RetryOfAStepThatMovedTheCaseOn_IsAReplayNotAConflict()
    {
        var caseId = await TriagedCaseAsync();
        await StepAsync(caseId, new JsonObject { ["kind"] = "content-removed" }, HttpStatusCode.Created);
        var close = new JsonObject { ["kind"] = "case-closed" };

        var first = await StepAsync(caseId, close, HttpStatusCode.Created, key: "close-1");
        var retry = await StepAsync(caseId, close, HttpStatusCode.OK, key: "close-1");
        await StepAsync(caseId, close, HttpStatusCode.Conflict, key: "close-2"); // a new request: closed is closed

        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString(),
            (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString());
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Single(view.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "case-closed");
    }

    [Fact]
    public async Task Steps_TwoConcurrentSteps_BothRecordedInOneOrder()
    {
        var caseId = await TriagedCaseAsync();

        var responses = await Task.WhenAll(
            StepAsync(caseId, new JsonObject { ["kind"] = "evidence-preserved", ["evidence"] = new JsonObject { ["contentHash"] = new string('b', 64), ["retentionDays"] = 30 } }, HttpStatusCode.Created),
            StepAsync(caseId, new JsonObject { ["kind"] = "notifier-informed", ["topic"] = "receipt-confirmed" }, HttpStatusCode.Created));

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var sequences = view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("sequence").GetInt32()).ToList();
        Assert.Equal([1, 2, 3, 4, 5], sequences);
        Assert.Equal(2, responses.Length);
    }

    [Fact]
    public async Task List_ByStateAndRegime_PagesInAcceptanceOrder()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await TriagedCaseAsync());
        }

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var url = $"/api/cases?state=triaged&regime=us-dmca&pageSize=2" + (continuation is null ? string.Empty : $"&continuation={Uri.EscapeDataString(continuation)}");
            var page = await Tenant.Officer.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!));
            continuation = page.GetProperty("continuation").GetString();
        }
        while (continuation is not null);

        Assert.Equal(ids, seen);
        var none = await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases?regime=de-netzdg");
        Assert.Equal(0, none.GetProperty("cases").GetArrayLength());
        var bad = await Tenant.Officer.GetAsync(new Uri("/api/cases?state=bogus&pageSize=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<string> TriagedCaseAsync()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);
        return caseId;
    }

    private async Task<HttpResponseMessage> StepAsync(string caseId, JsonObject step, HttpStatusCode expected, string? key = null)
    {
        step["occurredAt"] ??= DateTimeOffset.UtcNow.ToString("O");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/steps") { Content = SampleNotices.Json(step) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await Tenant.Platform.SendAsync(request);
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
