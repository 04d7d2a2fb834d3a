using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Signing;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Signing;

/// <summary>A tenant that requires signed requests: unsigned, late, replayed or wrongly signed requests answer 401 and store nothing.</summary>
public sealed class RequestSigningTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    private string _secret = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var response = await Admin.PutAsJsonAsync($"/api/tenants/{Tenant.TenantId}/request-signing", new { required = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _secret = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    [Fact]
    public async Task Submit_SignedWithTheTenantsSecret_IsAccepted()
    {
        var response = await PostAsync(SampleNotices.Dmca().ToJsonString(), Now(), _secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "unsigned", "requires signed requests" },
        { "wrong secret", "does not match" },
        { "body changed", "does not match" },
        { "six minutes old", "minutes away" },
        { "six minutes ahead", "minutes away" },
        { "malformed", "must be Unix seconds" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Submit_BadSignature_Answers401WithTheReasonAndStoresNothing(string problem, string reason)
    {
        var body = SampleNotices.Dmca().ToJsonString();
        var now = Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices") { Content = SampleNotices.Json(body) };
        switch (problem)
        {
            case "wrong secret": Sign(request, now, Sign("another-secret", now, body)); break;
            case "body changed":
                Sign(request, now, Sign(_secret, now, body));
                request.Content = SampleNotices.Json(body.Replace("abc123", "abc124", StringComparison.Ordinal));
                break;
            case "six minutes old": Sign(request, now - 360, Sign(_secret, now - 360, body)); break;
            case "six minutes ahead": Sign(request, now + 360, Sign(_secret, now + 360, body)); break;
            case "malformed": Sign(request, now, "md5=abc"); break;
        }

        var response = await Tenant.Platform.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, text, StringComparison.Ordinal);
        Assert.Equal(0, (await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("cases").GetArrayLength());
    }

    [Fact]
    public async Task Submit_ReplayOfAnAcceptedRequest_Answers401()
    {
        var body = SampleNotices.Dmca().ToJsonString();
        var now = Now();
        var signature = Sign(_secret, now, body);

        var first = await PostAsync(body, now, signature: signature);
        var replay = await PostAsync(body, now, signature: signature);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("used before", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WithoutSignature_IsServed()
    {
        var response = await Tenant.Officer.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SigningTurnedOff_UnsignedRequests_AreAcceptedAgain()
    {
        await Admin.PutAsJsonAsync($"/api/tenants/{Tenant.TenantId}/request-signing", new { required = false });

        var response = await Tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task RecordStep_Unsigned_Answers401()
    {
        var caseId = (await (await PostAsync(SampleNotices.Dmca().ToJsonString(), Now(), _secret)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString();
        var step = new JsonObject { ["kind"] = "content-removed", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O") };

        var response = await Tenant.Platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), SampleNotices.Json(step));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignatureSweep_UsedSignaturesPastTheWindow_AreDeletedAndRecentOnesKept()
    {
        var store = App.Services.GetRequiredService<RequestSigningStore>();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await store.TryUseAsync(Tenant.TenantId, new string('a', 64), now.AddMinutes(-1)));
        Assert.True(await store.TryUseAsync(Tenant.TenantId, new string('b', 64), now.AddMinutes(4)));

        await App.Services.GetRequiredService<SignatureSweep>().RunAsync(CancellationToken.None);

        // The expired one is gone (it could be stored again), the recent one still counts as used.
        Assert.True(await store.TryUseAsync(Tenant.TenantId, new string('a', 64), now.AddMinutes(-1)));
        Assert.False(await store.TryUseAsync(Tenant.TenantId, new string('b', 64), now.AddMinutes(4)));
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>What the README shows a platform doing: HMAC-SHA256 over "{timestamp}.{body}".</summary>
    private static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static void Sign(HttpRequestMessage request, long timestamp, string signature)
    {
        request.Headers.Add("X-TakedownFn-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TakedownFn-Signature", signature);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, long timestamp, string? secret = null, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices") { Content = SampleNotices.Json(body) };
        Sign(request, timestamp, signature ?? Sign(secret!, timestamp, body));
        return await Tenant.Platform.SendAsync(request);
    }
}
