using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Notices;

/// <summary>POST /api/notices and /api/notices/batch through the real app on Azurite.</summary>
public sealed class NoticeIntakeTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task Submit_CompleteDmcaNotice_IsAcceptedThenTriagedWithDeadlinesFromThePlatformsReceipt()
    {
        var notice = SampleNotices.Dmca();
        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = accepted.GetProperty("caseId").GetString()!;
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location!.OriginalString);

        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
        Assert.Equal("valid", view.GetProperty("validation").GetString());
        Assert.Equal(["received", "validated", "triaged"], view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var act = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        var receivedAt = DateTimeOffset.Parse(notice["receivedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(receivedAt, view.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.True(view.GetProperty("acceptedAt").GetDateTimeOffset() > receivedAt);
        Assert.Equal(receivedAt, view.GetProperty("clockStartedAt").GetDateTimeOffset());
        Assert.Equal(receivedAt.AddHours(24), act.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("open", act.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submit_DmcaWithoutPerjuryStatement_IsRecordedIncompleteWithoutRemovalClock()
    {
        var notice = SampleNotices.Dmca();
        notice["declarations"]!["authorityUnderPenaltyOfPerjury"] = false;

        var caseId = await SubmitAsync(notice);

        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal("incomplete", view.GetProperty("validation").GetString());
        Assert.Equal(["perjury-statement"], view.GetProperty("missingElements").EnumerateArray().Select(e => e.GetString()));
        var missing = Assert.Single(view.GetProperty("missing").EnumerateArray());
        Assert.Equal("perjury-statement", missing.GetProperty("element").GetString());
        Assert.Equal("17 USC 512(c)(3)(A)(vi)", missing.GetProperty("citation").GetString());
        Assert.Equal("declarations.authorityUnderPenaltyOfPerjury", missing.GetProperty("field").GetString());
        // The act clock started at receipt and was paused by the incomplete step: no deadline runs.
        var act = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal("paused", act.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, act.GetProperty("dueAt").ValueKind);
        Assert.Equal(["started", "paused"], act.GetProperty("clock").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Contains("incomplete", view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Submit_DoxxingOfIdNumber_IsTriagedHighWithOneHourClock()
    {
        var caseId = await SubmitAsync(SampleNotices.Doxxing());

        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        var severity = view.GetProperty("severity");
        Assert.Contains(severity.GetProperty("level").GetString(), new[] { "high", "critical" });
        Assert.Contains("sensitive:id-number", severity.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var act = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal(view.GetProperty("receivedAt").GetDateTimeOffset().AddHours(1), act.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Submit_SamePlatformReferenceTwice_AnswersTheFirstCaseAndCreatesNothing()
    {
        var notice = SampleNotices.Dmca();
        var first = await SubmitAsync(notice);

        // The same notice resent, spaced differently: the same notice, so the first case answers.
        var again = await Tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountCasesAsync());
    }

    [Fact]
    public async Task Submit_TwentyConcurrentDuplicates_CreateOneCase()
    {
        var notice = SampleNotices.Dmca();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices") { Content = SampleNotices.Json(notice) };
            request.Headers.Add("Idempotency-Key", "same-key-20");
            return await Tenant.Platform.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountCasesAsync());
        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{ids[0]}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal(3, view.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Submit_IdempotencyKeyReusedForAnotherNotice_Answers422()
    {
        await SubmitAsync(SampleNotices.Dmca(), key: "reused-key");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices") { Content = SampleNotices.Json(SampleNotices.Dmca()) };
        request.Headers.Add("Idempotency-Key", "reused-key");
        var response = await Tenant.Platform.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, await CountCasesAsync());
    }

    [Fact]
    public async Task SubmitBatch_MixedNotices_AnswersEachOnItsOwn()
    {
        var duplicate = SampleNotices.Dmca();
        var invalid = SampleNotices.Dmca();
        invalid["regime"] = "xx-unknown";
        var batch = new JsonObject { ["notices"] = new JsonArray(SampleNotices.Dmca(), invalid, duplicate, SampleNotices.Doxxing(), duplicate.DeepClone()) };

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), SampleNotices.Json(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([202, 400, 202, 202, 202], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("regime", out _));
        Assert.Equal(results[2].GetProperty("caseId").GetString(), results[4].GetProperty("caseId").GetString());
        Assert.True(results[4].GetProperty("replayed").GetBoolean());
        Assert.Equal(3, await CountCasesAsync());
        foreach (var id in new[] { 0, 2, 3 }.Select(i => results[i].GetProperty("caseId").GetString()))
        {
            var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{id}", c => c.GetProperty("state").GetString() == "triaged");
            Assert.Equal("triaged", view.GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task SubmitBatch_OverOneHundredNotices_IsRejectedWhole()
    {
        var batch = new JsonObject { ["notices"] = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode)SampleNotices.Dmca()).ToArray()) };

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), SampleNotices.Json(batch));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountCasesAsync());
    }
}
