using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;
using static TakedownFn.Tests.Sla.SlaTestSupport;

namespace TakedownFn.Tests.Sla;

/// <summary>A tenant tightens the packs' deadlines; a case keeps the policy it was judged under.</summary>
public sealed class SlaOverrideTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task Override_NewVersion_AppliesToNewCasesOnlyAndIsRecordedWithEach()
    {
        await SetActLengthAsync(Admin, Tenant.TenantId, 12, "hours", version: 1);
        var first = await TriagedCaseAsync(Tenant);
        await SetActLengthAsync(Admin, Tenant.TenantId, 6, "hours", version: 2);
        var second = await TriagedCaseAsync(Tenant);

        var old = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{first}");
        var @new = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{second}");

        Assert.Equal(1, old.GetProperty("judgedUnder").GetProperty("tenantOverrideVersion").GetInt32());
        Assert.Equal(2, @new.GetProperty("judgedUnder").GetProperty("tenantOverrideVersion").GetInt32());
        Assert.Equal("takedownfn-default", old.GetProperty("judgedUnder").GetProperty("packId").GetString());
        Assert.Equal(TimeSpan.FromHours(12), Stage(old, "act").GetProperty("dueAt").GetDateTimeOffset() - old.GetProperty("clockStartedAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(6), Stage(@new, "act").GetProperty("dueAt").GetDateTimeOffset() - @new.GetProperty("clockStartedAt").GetDateTimeOffset());
        Assert.Equal("24 hours", Stage(@new, "act").GetProperty("tightenedFrom").GetString());
    }

    [Theory]
    [InlineData("""{ "regime": "us-dmca", "category": "*", "stage": "counter-notice-restoration", "length": 20, "unit": "business-days" }""", "rules[0].length")]
    [InlineData("""{ "regime": "us-dmca", "category": "*", "stage": "act", "length": 0, "unit": "hours" }""", "rules[0].length")]
    [InlineData("""{ "regime": "us-dmca", "category": "*", "stage": "act", "length": 2, "unit": "fortnights" }""", "rules[0].unit")]
    [InlineData("""{ "regime": "nowhere", "category": "*", "stage": "act", "length": 2, "unit": "hours" }""", "rules[0].regime")]
    public async Task Override_Invalid_Answers400NamingTheField(string rule, string field)
    {
        var response = await PutAsync($$"""{ "tenant": "{{Tenant.TenantId}}", "version": 1, "rules": [{{rule}}] }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Override_OtherTenantOrOldVersion_Answers400NamingTheField()
    {
        const string Rule = """{ "regime": "us-dmca", "category": "*", "stage": "act", "length": 2, "unit": "hours" }""";
        var other = await PutAsync($$"""{ "tenant": "t0000000000000000", "version": 1, "rules": [{{Rule}}] }""");
        Assert.True((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("tenant", out _));

        Assert.Equal(HttpStatusCode.OK, (await PutAsync($$"""{ "tenant": "{{Tenant.TenantId}}", "version": 5, "rules": [{{Rule}}] }""")).StatusCode);
        var stale = await PutAsync($$"""{ "tenant": "{{Tenant.TenantId}}", "version": 5, "rules": [{{Rule}}] }""");
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.True((await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Override_PlatformKey_IsForbidden()
    {
        var response = await Tenant.Platform.PutAsync(new Uri($"/api/tenants/{Tenant.TenantId}/sla-override", UriKind.Relative), SampleNotices.Json("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Step_ClaimedTimeInTheFuture_Answers400NamingOccurredAt()
    {
        var caseId = await TriagedCaseAsync(Tenant);

        var response = await Tenant.Platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative),
            SampleNotices.Json(new JsonObject { ["kind"] = "content-removed", ["occurredAt"] = DateTimeOffset.UtcNow.AddHours(2).ToString("O") }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("occurredAt", out _));
    }

    private Task<HttpResponseMessage> PutAsync(string json) =>
        Admin.PutAsync(new Uri($"/api/tenants/{Tenant.TenantId}/sla-override", UriKind.Relative), SampleNotices.Json(json));
}
