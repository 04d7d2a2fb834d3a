using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Incidents;

/// <summary>Detection, the 1-hour deadline, incidents and repeat disclosers through the API against Azurite.</summary>
public class IncidentTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    /// <summary>The case's incident, once linked (linking follows triage).</summary>
    private async Task<string?> IncidentOfAsync(string caseId)
    {
        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", v => IncidentOf(v) is not null);
        return IncidentOf(view);
    }

    private static string? IncidentOf(JsonElement view) =>
        view.TryGetProperty("incident", out var incident) && incident.ValueKind == JsonValueKind.String ? incident.GetString() : null;

    private async Task<JsonElement> IncidentAsync(string incidentId, Func<JsonElement, bool>? until = null) =>
        await Eventually.GetJsonAsync(Tenant.Officer, $"/api/incidents/{incidentId}", until ?? (_ => true));

    [Fact]
    public async Task Submit_PhotosNoticeWhoseExcerptHoldsAnIdNumber_DetectedAndActedOnWithinOneHour()
    {
        const string excerpt = "这人身份证是 110105 19491231 002X，大家去找他";
        var caseId = await SubmitAsync(DoxxingNotices.With(excerpt));
        var view = await TriagedAsync(caseId);

        var personal = view.GetProperty("personalData");
        Assert.Equal(1, personal.GetProperty("kinds").GetProperty("id-number").GetInt32());
        var finding = personal.GetProperty("findings")[0];
        Assert.Equal((0, excerpt.IndexOf("110105", StringComparison.Ordinal), 20), (finding.GetProperty("item").GetInt32(), finding.GetProperty("start").GetInt32(), finding.GetProperty("length").GetInt32()));
        Assert.Matches("^[0-9a-f]{64}$", finding.GetProperty("commitment").GetString());
        Assert.Contains("detected:id-number", view.GetProperty("severity").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var act = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal(TimeSpan.FromHours(1), act.GetProperty("dueAt").GetDateTimeOffset() - view.GetProperty("clockStartedAt").GetDateTimeOffset());
        Assert.Equal("cn-personal-info/*/*/act/exposing", act.GetProperty("rule").GetString());
        Assert.Equal(2, view.GetProperty("judgedUnder").GetProperty("packVersion").GetInt32());
    }

    [Fact]
    public async Task Submit_PhotosNoticeWithoutSensitiveExcerpt_KeepsTwentyFourHours()
    {
        var view = await TriagedAsync(await SubmitAsync(DoxxingNotices.With("只是一张合影，没有别的")));

        var act = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "act");
        Assert.Equal(TimeSpan.FromHours(24), act.GetProperty("dueAt").GetDateTimeOffset() - view.GetProperty("clockStartedAt").GetDateTimeOffset());
        Assert.Empty(view.GetProperty("personalData").GetProperty("kinds").EnumerateObject());
    }

    [Fact]
    public async Task Submit_SamePhoneWrittenTwoWays_OneIncidentWithBothCasesAndItsSpread()
    {
        var first = await SubmitAsync(DoxxingNotices.With("她的手机13912345678", uploader: "acct-a"));
        var second = await SubmitAsync(DoxxingNotices.With("电话：+86 139-1234-5678 快打", uploader: "acct-b"));
        var other = await SubmitAsync(DoxxingNotices.With("另一个人 13812345678", uploader: "acct-c"));

        var incidentId = await IncidentOfAsync(first);
        Assert.NotNull(incidentId);
        Assert.Equal(incidentId, await IncidentOfAsync(second));
        Assert.NotEqual(incidentId, await IncidentOfAsync(other));

        var incident = await IncidentAsync(incidentId!);
        Assert.Equal(new[] { first, second }.Order(), incident.GetProperty("cases").EnumerateArray().Select(c => c.GetString()!).Order());
        var spread = incident.GetProperty("spread");
        Assert.Equal((2, 2, 2), (spread.GetProperty("notices").GetInt32(), spread.GetProperty("items").GetInt32(), spread.GetProperty("uploaders").GetInt32()));
        Assert.True(incident.GetProperty("lastSeen").GetDateTimeOffset() >= incident.GetProperty("firstSeen").GetDateTimeOffset());

        var listed = await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/incidents");
        Assert.Contains(incidentId, listed.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetString()));
    }

    [Fact]
    public async Task Submit_VictimAccountSharedWithoutAnyNumber_JoinsTheIncident()
    {
        var first = await SubmitAsync(DoxxingNotices.With("身份证11010519491231002X", victimAccount: "weibo:victim-1"));
        var second = await SubmitAsync(DoxxingNotices.With("她就住在这附近，快去堵她", victimAccount: "weibo:victim-1"));

        Assert.Equal(await IncidentOfAsync(first), await IncidentOfAsync(second));
    }

    [Fact]
    public async Task Submit_NoticeLinkingTwoIncidents_MergesThemIntoTheOlder()
    {
        var byId = await SubmitAsync(DoxxingNotices.With("身份证44030519900101123X"));
        var older = await IncidentOfAsync(byId);
        var byPhone = await SubmitAsync(DoxxingNotices.With("手机13712345678"));
        var newer = await IncidentOfAsync(byPhone);
        Assert.NotEqual(older, newer);

        var both = await SubmitAsync(DoxxingNotices.With("44030519900101123X 就是 13712345678 的机主"));

        Assert.Equal(older, await IncidentOfAsync(both));
        Assert.Equal(older, await IncidentOfAsync(byPhone));
        var merged = await IncidentAsync(older!);
        Assert.Equal(3, merged.GetProperty("spread").GetProperty("notices").GetInt32());
        Assert.Equal(older, (await IncidentAsync(newer!)).GetProperty("mergedInto").GetString());
        var listed = await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/incidents");
        Assert.DoesNotContain(newer, listed.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetString()));
    }

    [Fact]
    public async Task Submit_IncidentSpreadsToThreeNotices_SeverityRises()
    {
        var cases = new List<string>();
        foreach (var uploader in new[] { "u1", "u2", "u3" })
        {
            cases.Add(await SubmitAsync(DoxxingNotices.With("身份证310115200012294560", uploader: uploader)));
        }

        var one = await IncidentOfAsync(cases[0]);
        foreach (var c in cases)
        {
            await IncidentOfAsync(c);
        }

        var incident = await IncidentAsync(one!, i => i.GetProperty("spread").GetProperty("notices").GetInt32() == 3);
        var caseSeverity = (await TriagedAsync(cases[0])).GetProperty("severity").GetProperty("level").GetString();
        var reasons = incident.GetProperty("severityReasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("spread:cases>=3", reasons);
        Assert.Contains("spread:uploaders>=3", reasons);
        Assert.Equal(("medium", "critical"), (caseSeverity, incident.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Submit_ThreeValidNoticesAgainstOneUploader_FlaggedWithTheCases()
    {
        var flaggedCases = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            flaggedCases.Add(await SubmitAsync(DoxxingNotices.With($"第{i}次发：电话1360000000{i}", uploader: "serial-doxxer")));
        }

        var twice = new[] { await SubmitAsync(DoxxingNotices.With("电话13500000001", uploader: "twice")), await SubmitAsync(DoxxingNotices.With("电话13500000002", uploader: "twice")) };
        foreach (var c in flaggedCases.Concat(twice))
        {
            await IncidentOfAsync(c);
        }

        var list = await Eventually.GetJsonAsync(Tenant.Officer, "/api/repeat-disclosers", l => l.GetProperty("repeatDisclosers").GetArrayLength() > 0);
        var flagged = Assert.Single(list.GetProperty("repeatDisclosers").EnumerateArray());
        Assert.Equal(flaggedCases.Order(), flagged.GetProperty("cases").EnumerateArray().Select(c => c.GetString()!).Order());
        Assert.Matches("^[0-9a-f]{64}$", flagged.GetProperty("uploader").GetString());
        Assert.DoesNotContain("serial-doxxer", list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incidents_AsPlatformOrAuditor_Forbidden()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Tenant.Platform.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Tenant.Auditor.GetAsync("/api/repeat-disclosers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Tenant.Officer.GetAsync("/api/incidents/i0000000000000000000000")).StatusCode);
    }

    [Theory]
    [InlineData("excerpt", "too-long", "items[0].excerpt")]
    [InlineData("markers", "bad-marker", "items[0].markers[0]")]
    [InlineData("uploader", "control", "items[0].uploader")]
    public async Task Submit_BadDetectionField_ProblemNamesIt(string field, string kind, string path)
    {
        var notice = DoxxingNotices.With("x");
        var item = notice["items"]![0]!.AsObject();
        item[field] = kind switch
        {
            "too-long" => new string('x', 16_385),
            "bad-marker" => new System.Text.Json.Nodes.JsonArray("shoe-size"),
            _ => "a\u0001b",
        };

        var response = await Tenant.Platform.PostAsync("/api/notices", SampleNotices.Json(notice));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), problem.GetRawText());
    }
}
