using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Notices;

/// <summary>
/// Identifiers that name an earlier notice: a platform reference reused for another notice, a
/// batch retried under its Idempotency-Key, and bodies with duplicated fields.
/// </summary>
public sealed class NoticeReuseTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task Submit_PlatformReferenceReusedForAnotherNotice_Answers422NamingItAndCreatesNothing()
    {
        var notice = SampleNotices.Dmca();
        await SubmitAsync(notice);

        notice["explanation"] = "Another notice under the same reference.";
        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(details.GetProperty("errors").TryGetProperty("platformReference", out _));
        Assert.DoesNotContain("Another notice", details.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, await CountCasesAsync());
    }

    [Fact]
    public async Task SubmitBatch_PlatformReferenceReusedForAnotherNotice_Answers422ForThatEntry()
    {
        var first = SampleNotices.Dmca();
        var changed = (JsonObject)first.DeepClone();
        changed["explanation"] = "Different content, same reference.";
        var batch = new JsonObject { ["notices"] = new JsonArray(first, changed) };

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), SampleNotices.Json(batch));

        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([202, 422], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("platformReference", out _));
        Assert.Equal(1, await CountCasesAsync());
    }

    [Fact]
    public async Task SubmitBatch_RetriedWithSameIdempotencyKey_AnswersExactlyAsFirstAndCreatesNothing()
    {
        var batch = new JsonObject { ["notices"] = new JsonArray(SampleNotices.Dmca(), SampleNotices.Doxxing()) };

        var first = await PostBatchAsync(batch, "batch-key-1");
        var retry = await PostBatchAsync(batch, "batch-key-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        var results = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray();
        Assert.All(results, r => Assert.False(r.GetProperty("replayed").GetBoolean()));
        Assert.Equal(2, await CountCasesAsync());
    }

    [Fact]
    public async Task SubmitBatch_IdempotencyKeyReusedForAnotherBatch_Answers422AndCreatesNothing()
    {
        await PostBatchAsync(new JsonObject { ["notices"] = new JsonArray(SampleNotices.Dmca()) }, "batch-key-2");

        var response = await PostBatchAsync(new JsonObject { ["notices"] = new JsonArray(SampleNotices.Dmca()) }, "batch-key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(1, await CountCasesAsync());
    }

    [Fact]
    public async Task Submit_DuplicatedNestedField_Answers400NamingThePathAndStoresNothing()
    {
        var json = SampleNotices.Dmca().ToJsonString().Replace("\"role\":\"right-holder\"", "\"role\":\"right-holder\",\"role\":\"victim\"", StringComparison.Ordinal);

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("notifier.role", out _));
        Assert.Equal(0, await CountCasesAsync());
    }

    [Fact]
    public async Task SubmitBatch_DuplicatedFieldInOneNotice_RejectsThatNoticeOnly()
    {
        var bad = SampleNotices.Dmca().ToJsonString().Replace("\"regime\":\"us-dmca\"", "\"regime\":\"us-dmca\",\"regime\":\"eu-dsa\"", StringComparison.Ordinal);
        var body = $"{{\"notices\":[{SampleNotices.Dmca().ToJsonString()},{bad}]}}";

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), SampleNotices.Json(body));

        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([202, 400], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("regime", out _));
        Assert.Equal(1, await CountCasesAsync());
    }

    [Fact]
    public async Task SubmitBatch_DuplicatedNoticesArray_Answers400AndStoresNothing()
    {
        var body = $"{{\"notices\":[{SampleNotices.Dmca().ToJsonString()}],\"notices\":[{SampleNotices.Dmca().ToJsonString()}]}}";

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices/batch", UriKind.Relative), SampleNotices.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("notices", out _));
        Assert.Equal(0, await CountCasesAsync());
    }

    private async Task<HttpResponseMessage> PostBatchAsync(JsonObject batch, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices/batch") { Content = SampleNotices.Json(batch) };
        request.Headers.Add("Idempotency-Key", key);
        return await Tenant.Platform.SendAsync(request);
    }
}
