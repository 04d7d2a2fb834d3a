using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Notices;

/// <summary>Every class of bad input gets problem details naming the field, and nothing is stored.</summary>
public sealed class NoticeBadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server);
        _tenant = await _app.CreateTenantAsync();
    }

    public async Task DisposeAsync()
    {
        // Whatever was posted, nothing may have been stored.
        var cases = await _tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Equal(0, cases.GetProperty("cases").GetArrayLength());
        await _app.DisposeAsync();
    }

    public static TheoryData<string, string> BadNotices() => new()
    {
        { "malformed JSON", "$" },
        { "wrong type", "items" },
        { "unknown field", "platformRef" },
        { "unknown regime", "regime" },
        { "unknown category", "category" },
        { "missing regime", "regime" },
        { "missing platform reference", "platformReference" },
        { "missing received time", "receivedAt" },
        { "no items", "items" },
        { "too many items", "items" },
        { "invalid URL", "items[0].url" },
        { "control character", "explanation" },
        { "future received time", "receivedAt" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task Submit_BadNotice_Answers400NamingTheField(string problem, string field)
    {
        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(Body(problem)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, details.GetProperty("status").GetInt32());
        var errors = details.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(field, errors);
    }

    [Fact]
    public async Task Submit_SeveralBadFields_NamesEachWithoutEchoingPersonalData()
    {
        var notice = SampleNotices.Doxxing();
        notice["regime"] = "nope";
        notice["items"] = new JsonArray(new JsonObject { ["url"] = "not a url with 110105199001011234" });
        notice["platformReference"] = null;

        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"regime\"", text, StringComparison.Ordinal);
        Assert.Contains("\"items[0].url\"", text, StringComparison.Ordinal);
        Assert.Contains("\"platformReference\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("110105199001011234", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_BodyOver256KiB_Answers413()
    {
        var notice = SampleNotices.Dmca();
        notice["explanation"] = new string('x', 257 * 1024);

        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Submit_NotJson_Answers415()
    {
        var response = await _tenant.Platform.PostAsync(
            new Uri("/api/notices", UriKind.Relative), new StringContent(SampleNotices.Dmca().ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Submit_MalformedIdempotencyKey_Answers400NamingTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices") { Content = SampleNotices.Json(SampleNotices.Dmca()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 300));

        var response = await _tenant.Platform.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Body(string problem)
    {
        var notice = SampleNotices.Dmca();
        switch (problem)
        {
            case "malformed JSON": return "{\"regime\": \"us-dmca\",";
            case "wrong type": notice["items"] = "https://video.example/x"; break;
            case "unknown field": notice["platformRef"] = "x"; break;
            case "unknown regime": notice["regime"] = "us-dmca-2"; break;
            case "unknown category": notice["category"] = "trademark"; break;
            case "missing regime": notice.Remove("regime"); break;
            case "missing platform reference": notice.Remove("platformReference"); break;
            case "missing received time": notice.Remove("receivedAt"); break;
            case "no items": notice["items"] = new JsonArray(); break;
            case "too many items":
                notice["items"] = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)new JsonObject { ["contentId"] = $"c{i}" }).ToArray());
                break;
            case "invalid URL": notice["items"] = new JsonArray(new JsonObject { ["url"] = "ftp:/nope" }); break;
            case "control character": notice["explanation"] = "bad\u0007bell"; break;
            case "future received time": notice["receivedAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"); break;
        }

        return notice.ToJsonString();
    }
}
