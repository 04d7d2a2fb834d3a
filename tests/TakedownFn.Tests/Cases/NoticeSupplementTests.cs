using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Cases;

/// <summary>
/// A notifier supplies what an incomplete notice lacked; the platform reports it with a
/// <c>notice-supplemented</c> step. The notice becomes valid and the paused clocks run again.
/// </summary>
public sealed class NoticeSupplementTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task Supplement_IncompleteDmcaNotice_CompletesItAndMovesTheActDeadlineLaterByThePause()
    {
        var caseId = await SubmitAsync(Incomplete("goodFaith"));
        var before = await TriagedAsync(caseId);
        Assert.Equal("incomplete", before.GetProperty("validation").GetString());
        Assert.Equal(["good-faith-statement"], Strings(before, "missingElements"));
        Assert.Equal("paused", Stage(before, "act").GetProperty("status").GetString());
        Assert.Contains("notice-supplemented", Strings(before, "allowedNextSteps"));
        Assert.Empty(await AtRiskAsync(caseId, "act"));

        await StepAsync(caseId, Supplement("good-faith-statement"), HttpStatusCode.Created);

        var after = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("triaged", after.GetProperty("state").GetString());
        Assert.Equal("valid", after.GetProperty("validation").GetString());
        Assert.Empty(Strings(after, "missingElements"));
        Assert.DoesNotContain("notice-supplemented", Strings(after, "allowedNextSteps"));
        Assert.Equal(["received", "incomplete", "triaged", "notice-supplemented", "validated"], Kinds(after));
        var supplemented = Assert.Single(Steps(after, "notice-supplemented"));
        Assert.Equal(["good-faith-statement"], supplemented.GetProperty("details").GetProperty("suppliedElements").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("service", Assert.Single(Steps(after, "validated")).GetProperty("actor").GetString());

        // The pause runs from the incomplete step to the supplement, and the deadline moves by exactly that.
        var act = Stage(after, "act");
        Assert.Equal("open", act.GetProperty("status").GetString());
        Assert.Equal(["started", "paused", "resumed"], act.GetProperty("clock").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var pause = Assert.Single(act.GetProperty("pauses").EnumerateArray());
        var (from, to) = (pause.GetProperty("from").GetDateTimeOffset(), pause.GetProperty("to").GetDateTimeOffset());
        // An incomplete notice gave no knowledge as received: its clock is paused from its start.
        Assert.Equal(after.GetProperty("clockStartedAt").GetDateTimeOffset(), from);
        Assert.Equal(supplemented.GetProperty("recordedAt").GetDateTimeOffset(), to);
        var dueAt = act.GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(after.GetProperty("clockStartedAt").GetDateTimeOffset().AddHours(24) + (to - from), dueAt);

        // Its timer is scheduled: the stage is now due within two days.
        Assert.Equal(dueAt, Assert.Single(await AtRiskAsync(caseId, "act")).GetProperty("deadline").GetDateTimeOffset());

        // Nothing is missing any more.
        var again = await StepAsync(caseId, Supplement("good-faith-statement"), HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("triaged", problem.GetProperty("currentState").GetString());
        Assert.Equal("valid", problem.GetProperty("validation").GetString());
        Assert.Contains("incomplete notice", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("content-removed", Strings(problem, "allowedNextSteps"));
        Assert.DoesNotContain("notice-supplemented", Strings(problem, "allowedNextSteps"));
        Assert.Equal(5, (await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Supplement_AfterTheContentWasRemoved_CompletesTheNoticeAndKeepsTheMeasure()
    {
        var caseId = await SubmitAsync(Incomplete("goodFaith"));
        await TriagedAsync(caseId);
        await StepAsync(caseId, new JsonObject { ["kind"] = "content-removed" }, HttpStatusCode.Created);

        var response = await StepAsync(caseId, Supplement("good-faith-statement"), HttpStatusCode.Created);

        Assert.Equal("actioned", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("actioned", view.GetProperty("state").GetString());
        Assert.Equal("valid", view.GetProperty("validation").GetString());
        Assert.Equal("met", Stage(view, "act").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Supplement_ElementsThatDoNotMatchWhatIsMissing_Answer400NamingTheFieldAndRecordNothing()
    {
        var caseId = await SubmitAsync(Incomplete("goodFaith", "accuracy"));
        await TriagedAsync(caseId);

        await AssertBadAsync(Supplement("good-faith-statement", "passport-scan"), "suppliedElements[1]");
        await AssertBadAsync(Supplement("good-faith-statement", "signature", "accuracy-statement"), "suppliedElements[1]");
        await AssertBadAsync(Supplement("good-faith-statement"), "suppliedElements");
        await AssertBadAsync(new JsonObject { ["kind"] = "notice-supplemented" }, "suppliedElements");

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("incomplete", view.GetProperty("validation").GetString());
        Assert.Equal(["received", "incomplete", "triaged"], Kinds(view));
        Assert.Equal("paused", Stage(view, "act").GetProperty("status").GetString());

        async Task AssertBadAsync(JsonObject step, string field)
        {
            var response = await StepAsync(caseId, step, HttpStatusCode.BadRequest);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not in {errors}");
        }
    }

    [Fact]
    public async Task Supplement_CompleteNotice_Answers409()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);

        var response = await StepAsync(caseId, Supplement("good-faith-statement"), HttpStatusCode.Conflict);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valid", problem.GetProperty("validation").GetString());
        Assert.Contains("content-removed", Strings(problem, "allowedNextSteps"));
    }

    /// <summary>
    /// With the act stage tightened to seconds: the unpaused deadline passes while the notice waits
    /// and nothing is breached; after the supplement the breach comes, against the moved deadline.
    /// </summary>
    [Fact]
    public async Task Supplement_AfterTheUnpausedDeadlinePassed_BreachIsRecordedAgainstTheMovedDeadline()
    {
        await SetActLengthAsync(Admin, Tenant.TenantId, 8);
        var notice = Incomplete("goodFaith");
        notice["receivedAt"] = DateTimeOffset.UtcNow.ToString("O");
        var caseId = await SubmitAsync(notice);
        var triaged = await TriagedAsync(caseId);
        var unpaused = triaged.GetProperty("clockStartedAt").GetDateTimeOffset().AddSeconds(8);
        Assert.True(Assert.Single(Steps(triaged, "incomplete")).GetProperty("recordedAt").GetDateTimeOffset() < unpaused, "triage came after the act deadline; the test proves nothing");
        await Task.Delay((unpaused - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)).Duration());
        Assert.Empty(Steps(await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), "sla-breached"));

        await StepAsync(caseId, Supplement("good-faith-statement"), HttpStatusCode.Created);
        var moved = Stage(await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"), "act").GetProperty("dueAt").GetDateTimeOffset();

        var view = await WaitForStepAsync(Tenant.Officer, caseId, "sla-breached");
        Assert.True(moved > unpaused);
        var breach = Assert.Single(Steps(view, "sla-breached")).GetProperty("details");
        Assert.Equal("act", breach.GetProperty("stage").GetString());
        Assert.Equal(moved, breach.GetProperty("deadline").GetDateTimeOffset());
    }

    /// <summary>A fresh DMCA notice with the named declarations withheld.</summary>
    private static JsonObject Incomplete(params string[] declarations)
    {
        var notice = SampleNotices.Dmca();
        foreach (var declaration in declarations)
        {
            notice["declarations"]![declaration] = false;
        }

        return notice;
    }

    private static JsonObject Supplement(params string[] elements) => new()
    {
        ["kind"] = "notice-supplemented",
        ["suppliedElements"] = new JsonArray(elements.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
    };

    private static List<string?> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();

    private static List<string?> Kinds(JsonElement view) =>
        view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList();

    private async Task<List<JsonElement>> AtRiskAsync(string caseId, string stage) =>
        (await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/sla/at-risk?within=P2D")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("caseId").GetString() == caseId && i.GetProperty("stage").GetString() == stage)
            .ToList();

    private async Task<HttpResponseMessage> StepAsync(string caseId, JsonObject step, HttpStatusCode expected)
    {
        step["occurredAt"] ??= DateTimeOffset.UtcNow.ToString("O");
        var response = await Tenant.Platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), SampleNotices.Json(step));
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
