using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Tenants;

/// <summary>One tenant never sees or touches another's data, and each role gets only its rights.</summary>
public sealed class TenantIsolationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TakedownFnFactory _app = null!;
    private TestTenant _a = null!;
    private TestTenant _b = null!;
    private string _caseOfA = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server);
        _a = await _app.CreateTenantAsync("Platform A");
        _b = await _app.CreateTenantAsync("Platform B");
        var response = await _a.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));
        _caseOfA = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GetCase_OtherTenantsCase_Answers404LikeAnUnknownId()
    {
        var other = await _b.Officer.GetAsync(new Uri($"/api/cases/{_caseOfA}", UriKind.Relative));
        var unknown = await _b.Officer.GetAsync(new Uri("/api/cases/0000000000000000000000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(unknown), await WithoutTraceIdAsync(other));
    }

    [Fact]
    public async Task RecordStep_OtherTenantsCase_Answers404AndWritesNothing()
    {
        var step = new JsonObject { ["kind"] = "content-removed", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O") };

        var response = await _b.Platform.PostAsync(new Uri($"/api/cases/{_caseOfA}/steps", UriKind.Relative), SampleNotices.Json(step));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var view = await Eventually.GetJsonAsync(_a.Officer, $"/api/cases/{_caseOfA}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.DoesNotContain("content-removed", view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task ListCases_OtherTenant_SeesNoneOfTheFirstTenantsCases()
    {
        var list = await _b.Officer.GetFromJsonAsync<JsonElement>("/api/cases");

        Assert.Equal(0, list.GetProperty("cases").GetArrayLength());
    }

    [Fact]
    public async Task SubmitNotice_SameReferenceInAnotherTenant_IsAnotherCase()
    {
        var notice = SampleNotices.Dmca("shared-ref-1");
        var a = await (await _a.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice))).Content.ReadFromJsonAsync<JsonElement>();
        var b = await (await _b.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual(a.GetProperty("caseId").GetString(), b.GetProperty("caseId").GetString());
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    public static TheoryData<string, string, string, HttpStatusCode> Rights() => new()
    {
        { "auditor", "POST", "/api/notices", HttpStatusCode.Forbidden },
        { "officer", "POST", "/api/notices", HttpStatusCode.Forbidden },
        { "officer", "POST", "/api/notices/batch", HttpStatusCode.Forbidden },
        { "auditor", "POST", "/api/cases/{case}/steps", HttpStatusCode.Forbidden },
        { "officer", "POST", "/api/cases/{case}/steps", HttpStatusCode.Forbidden },
        { "platform", "POST", "/api/tenants", HttpStatusCode.Forbidden },
        { "officer", "POST", "/api/tenants/{tenant}/keys", HttpStatusCode.Forbidden },
        { "admin", "GET", "/api/cases", HttpStatusCode.Forbidden },
        { "admin", "GET", "/api/cases/{case}", HttpStatusCode.Forbidden },
        { "admin", "POST", "/api/notices", HttpStatusCode.Forbidden },
        { "none", "GET", "/api/cases", HttpStatusCode.Unauthorized },
        { "none", "POST", "/api/notices", HttpStatusCode.Unauthorized },
        { "wrong", "GET", "/api/cases", HttpStatusCode.Unauthorized },
        { "auditor", "GET", "/api/cases/{case}", HttpStatusCode.OK },
        { "platform", "GET", "/api/cases/{case}", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Rights))]
    public async Task Endpoint_ByRole_AnswersOnlyWithinItsRights(string role, string method, string path, HttpStatusCode expected)
    {
        var client = role switch
        {
            "platform" => _a.Platform,
            "officer" => _a.Officer,
            "auditor" => _a.Auditor,
            "admin" => await _app.AdminClientAsync(),
            "wrong" => _app.ClientWithKey("tfn_" + new string('x', 43)),
            _ => _app.CreateClient(),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{case}", _caseOfA, StringComparison.Ordinal).Replace("{tenant}", _a.TenantId, StringComparison.Ordinal))
        {
            Content = method == "POST" ? SampleNotices.Json("{}") : null,
        };

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Admin_CreatesTenantAndIssuesKey_KeyWorksForThatTenantOnly()
    {
        var admin = await _app.AdminClientAsync();

        var tenant = await (await admin.PostAsync(new Uri("/api/tenants", UriKind.Relative), SampleNotices.Json("{\"name\":\"Platform C\"}"))).Content.ReadFromJsonAsync<JsonElement>();
        var tenantId = tenant.GetProperty("tenantId").GetString();
        var issued = await admin.PostAsync(new Uri($"/api/tenants/{tenantId}/keys", UriKind.Relative), SampleNotices.Json("{\"role\":\"officer\"}"));
        var badRole = await admin.PostAsync(new Uri($"/api/tenants/{tenantId}/keys", UriKind.Relative), SampleNotices.Json("{\"role\":\"admin\"}"));
        var noTenant = await admin.PostAsync(new Uri("/api/tenants/t0000000000000000/keys", UriKind.Relative), SampleNotices.Json("{\"role\":\"officer\"}"));

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noTenant.StatusCode);
        var officerOfC = _app.ClientWithKey((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await officerOfC.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerOfC.GetAsync(new Uri($"/api/cases/{_caseOfA}", UriKind.Relative))).StatusCode);
    }
}
