using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.StatementsOfReasons;

/// <summary>Statements of reasons for the EU Transparency Database, recorded and exported through the API against Azurite.</summary>
public sealed class StatementsOfReasonsTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    private const string Export = "/api/reports/statements-of-reasons";

    [Fact]
    public async Task Export_ActionedDsaCases_OneValidStatementEachAndTheCaseWithoutStatementListedWithItsReason()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var removed = await TriagedDsaCaseAsync("privacy", "victim");
        await StepAsync(removed, new JsonObject { ["kind"] = "content-removed" });
        await StepAsync(removed, new JsonObject { ["kind"] = "statement-of-reasons-sent", ["statement"] = IllegalContentStatement() });

        var flagged = await TriagedDsaCaseAsync("hate-speech", "trusted-flagger");
        await StepAsync(flagged, new JsonObject { ["kind"] = "content-geo-restricted", ["regions"] = new JsonArray("DE", "FR", "US") });
        var terms = new JsonObject
        {
            ["decisionGround"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT",
            ["incompatibleContentGround"] = "Community guidelines §4 (hateful conduct)",
            ["incompatibleContentExplanation"] = "The post attacks people for their religion.",
            ["incompatibleContentIllegal"] = true,
            ["contentType"] = new JsonArray("CONTENT_TYPE_IMAGE", "CONTENT_TYPE_OTHER"),
            ["contentTypeOther"] = "Meme with overlaid text",
            ["contentDate"] = "2026-11-30",
            ["automatedDetection"] = true,
            ["automatedDecision"] = "AUTOMATED_DECISION_PARTIALLY",
            ["decisionFacts"] = "A trusted flagger reported the image; a moderator confirmed it breaks the guidelines.",
        };
        await StepAsync(flagged, new JsonObject { ["kind"] = "statement-of-reasons-sent", ["statement"] = terms });

        var unexplained = await TriagedDsaCaseAsync("fraud", "victim");
        await StepAsync(unexplained, new JsonObject { ["kind"] = "content-disabled" });

        var notActioned = await TriagedDsaCaseAsync("privacy", "victim");
        var dmca = await SubmitAsync();
        await TriagedAsync(dmca);
        await StepAsync(dmca, new JsonObject { ["kind"] = "content-removed" });

        var response = await Tenant.Officer.GetAsync(new Uri($"{Export}?from={Q(from)}&to={Q(DateTimeOffset.UtcNow.AddMinutes(1))}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(body).RootElement;
        Assert.Equal(2, export.GetProperty("statements").GetInt32());
        var statements = Assert.Single(export.GetProperty("batches").EnumerateArray()).GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal([removed, flagged], statements.Select(s => s.GetProperty("puid").GetString()));

        var first = statements[0];
        Assert.Equal(["DECISION_VISIBILITY_CONTENT_REMOVED"], Strings(first, "decision_visibility"));
        Assert.Equal("DECISION_GROUND_ILLEGAL_CONTENT", first.GetProperty("decision_ground").GetString());
        Assert.Equal("GDPR Art. 6(1)", first.GetProperty("illegal_content_legal_ground").GetString());
        Assert.Equal("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", first.GetProperty("category").GetString());
        Assert.Equal(["KEYWORD_MISSING_PROCESSING_GROUND"], Strings(first, "category_specification"));
        Assert.Equal("SOURCE_ARTICLE_16", first.GetProperty("source_type").GetString());
        Assert.Equal("No", first.GetProperty("automated_detection").GetString());
        Assert.Equal(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("application_date").GetString());
        Assert.Matches("^[a-zA-Z0-9_-]{1,500}$", first.GetProperty("puid").GetString()!);
        Assert.False(first.TryGetProperty("incompatible_content_ground", out _));

        var second = statements[1];
        Assert.Equal(["DECISION_VISIBILITY_CONTENT_DISABLED"], Strings(second, "decision_visibility"));
        Assert.Equal(["DE", "FR"], Strings(second, "territorial_scope"));
        Assert.Equal("SOURCE_TRUSTED_FLAGGER", second.GetProperty("source_type").GetString());
        Assert.Equal("Yes", second.GetProperty("incompatible_content_illegal").GetString());
        Assert.Equal("Meme with overlaid text", second.GetProperty("content_type_other").GetString());
        Assert.Equal("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", second.GetProperty("category").GetString());
        Assert.False(second.TryGetProperty("illegal_content_legal_ground", out _));

        var excluded = Assert.Single(export.GetProperty("notExported").EnumerateArray());
        Assert.Equal(unexplained, excluded.GetProperty("caseId").GetString());
        Assert.True(excluded.GetProperty("reasons").TryGetProperty("statement", out _));
        Assert.DoesNotContain(notActioned, body, StringComparison.Ordinal);
        Assert.DoesNotContain(dmca, body, StringComparison.Ordinal);

        // Art. 24(5): nothing of the notices' personal data (names, addresses, the reported URL, the explanation).
        foreach (var personal in new[] { "Jana Novak", "jana@example.eu", "https://social.example/p/", "My home address" })
        {
            Assert.DoesNotContain(personal, body, StringComparison.Ordinal);
        }

        // The same period answers the same statements: the puid is the case's for good.
        var again = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"{Export}?from={Q(from)}&to={Q(DateTimeOffset.UtcNow.AddMinutes(1))}");
        Assert.Equal([removed, flagged], again.GetProperty("batches")[0].GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("puid").GetString()));

        // A later period holds none of them.
        var later = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"{Export}?from={Q(DateTimeOffset.UtcNow.AddMinutes(1))}&to={Q(DateTimeOffset.UtcNow.AddMinutes(2))}");
        Assert.Equal(0, later.GetProperty("statements").GetInt32());
        Assert.Empty(later.GetProperty("batches").EnumerateArray());
    }

    [Fact]
    public async Task RecordStatement_BreakingTheDatabasesRules_IsRefusedNamingEachFieldAndNothingIsRecorded()
    {
        var caseId = await TriagedDsaCaseAsync("privacy", "victim");
        await StepAsync(caseId, new JsonObject { ["kind"] = "content-removed" });
        var statement = IllegalContentStatement();
        statement.Remove("illegalContentExplanation");
        statement["contentType"] = new JsonArray("CONTENT_TYPE_TEXT", "CONTENT_TYPE_HOLOGRAM");
        statement["contentDate"] = "1999-12-31";
        statement["decisionFacts"] = "Reported by the person whose number 13800000000 was posted.";
        statement["territorialScope"] = new JsonArray("EL");

        var response = await PostStepAsync(caseId, new JsonObject { ["kind"] = "statement-of-reasons-sent", ["statement"] = statement });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["statement.contentDate", "statement.contentType[1]", "statement.decisionFacts", "statement.illegalContentExplanation", "statement.territorialScope[0]"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("13800000000", errors.GetRawText(), StringComparison.Ordinal);

        var missing = await PostStepAsync(caseId, new JsonObject { ["kind"] = "statement-of-reasons-sent" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["statement"], (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.DoesNotContain("statement-of-reasons-sent", view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2026-12-01T00:00:00Z", "to")]
    [InlineData("from=yesterday&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    public async Task Export_BadPeriod_ProblemDetailsNamingTheParameter(string query, string field)
    {
        var response = await Tenant.Officer.GetAsync(new Uri($"{Export}?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Export_PlatformOrAuditorKey_Forbidden()
    {
        const string period = "?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        Assert.Equal(HttpStatusCode.Forbidden, (await Tenant.Platform.GetAsync(new Uri(Export + period, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Tenant.Auditor.GetAsync(new Uri(Export + period, UriKind.Relative))).StatusCode);
    }

    private static JsonObject IllegalContentStatement() => new()
    {
        ["decisionGround"] = "DECISION_GROUND_ILLEGAL_CONTENT",
        ["illegalContentLegalGround"] = "GDPR Art. 6(1)",
        ["illegalContentExplanation"] = "The post publishes a private person's home address without any lawful ground.",
        ["contentType"] = new JsonArray("CONTENT_TYPE_TEXT"),
        ["contentDate"] = "2026-11-20",
        ["contentLanguage"] = "DE",
        ["automatedDetection"] = false,
        ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
        ["decisionFacts"] = "The notified post discloses a private home address; removed after review.",
    };

    [Fact]
    public async Task DsaTransparency_ActionsOnTerms_CountedInTheTermsColumns()
    {
        var onTerms = await TriagedDsaCaseAsync("hate-speech", "trusted-flagger");
        await StepAsync(onTerms, new JsonObject { ["kind"] = "content-removed", ["basis"] = "terms" });
        var onLaw = await TriagedDsaCaseAsync("privacy", "victim");
        await StepAsync(onLaw, new JsonObject { ["kind"] = "content-disabled", ["basis"] = "law" });
        var unstated = await TriagedDsaCaseAsync("fraud", "trusted-flagger");
        await StepAsync(unstated, new JsonObject { ["kind"] = "content-removed" });

        var day = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var report = await Tenant.Officer.GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/dsa-transparency?from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(2):yyyy-MM-dd}", UriKind.Relative));

        var total = report.GetProperty("notices").EnumerateArray().Single(r => r.GetProperty("Category").GetString() == "TOTAL");
        Assert.Equal("2", total.GetProperty("Number of actions taken on the basis of the law").GetString());
        Assert.Equal("1", total.GetProperty("Number of actions taken on the basis of the law on notices from Trusted flaggers").GetString());
        Assert.Equal("1", total.GetProperty("Number of actions taken on the basis of the terms and conditions of the service").GetString());
        Assert.Equal("1", total.GetProperty("Number of actions taken on the basis of the terms and conditions of the service on notices from Trusted flaggers").GetString());
    }

    [Theory]
    [InlineData("content-removed", "contract")]
    [InlineData("no-action", "terms")]
    [InlineData("notifier-informed", "terms")]
    public async Task RecordStep_BadBasis_ProblemNamesBasis(string kind, string basis)
    {
        var caseId = await TriagedDsaCaseAsync("privacy", "victim");
        var step = new JsonObject { ["kind"] = kind, ["basis"] = basis, ["reason"] = "not unlawful", ["topic"] = "decision" };

        var response = await PostStepAsync(caseId, step);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("basis", out _), problem.GetRawText());
    }

    private async Task<string> TriagedDsaCaseAsync(string category, string role)
    {
        var notice = new JsonObject
        {
            ["regime"] = "eu-dsa-16",
            ["category"] = category,
            ["items"] = new JsonArray(new JsonObject { ["url"] = $"https://social.example/p/{Guid.NewGuid():N}" }),
            ["notifier"] = new JsonObject { ["name"] = "Jana Novak", ["contact"] = new JsonObject { ["email"] = "jana@example.eu" }, ["role"] = role },
            ["explanation"] = "My home address was posted with a call to visit me.",
            ["declarations"] = new JsonObject { ["goodFaith"] = true },
            ["platformReference"] = $"ref-{Guid.NewGuid():N}",
            ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
        };
        var caseId = await SubmitAsync(notice);
        Assert.Equal("valid", (await TriagedAsync(caseId)).GetProperty("validation").GetString());
        return caseId;
    }

    private Task<HttpResponseMessage> PostStepAsync(string caseId, JsonObject step)
    {
        step["occurredAt"] ??= DateTimeOffset.UtcNow.ToString("O");
        return Tenant.Platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), SampleNotices.Json(step));
    }

    private Task StepAsync(string caseId, JsonObject step) => Sla.SlaTestSupport.RecordStepAsync(Tenant.Platform, caseId, step);

    private static string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));

    private static IEnumerable<string?> Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetString());
}
