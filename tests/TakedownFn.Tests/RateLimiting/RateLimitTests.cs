using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.RateLimiting;

/// <summary>
/// Per-tenant and per-key token buckets. The buckets refill once an hour here, so every count is
/// exact whatever the machine's speed: a test counts answers, it never times them.
/// </summary>
public sealed class RateLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string> TightTenants = new()
    {
        ["TakedownFn:RateLimits:Tenant:Burst"] = "10",
        ["TakedownFn:RateLimits:Tenant:PerPeriod"] = "1",
        ["TakedownFn:RateLimits:Tenant:Period"] = "01:00:00",
    };

    [Fact]
    public async Task NoisyTenant_OverItsLimit_Gets429WithRetryAfterStoresNothingAndLeavesOthersUntouched()
    {
        await using var app = new TakedownFnFactory(azurite.Server, TightTenants);
        var noisy = await app.CreateTenantAsync("Noisy");
        var quiet = await app.CreateTenantAsync("Quiet");

        var noisyAnswers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => noisy.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()))));
        var quietAnswers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => quiet.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()))));

        Assert.Equal(10, noisyAnswers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var limited = noisyAnswers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(20, limited.Count);
        Assert.All(limited, a => Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, (await limited[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.All(quietAnswers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));

        // The noisy tenant's bucket is empty, so its officer is limited too; the quiet tenant's is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await noisy.Officer.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        var quietCases = await quiet.Officer.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=100");
        Assert.Equal(5, quietCases.GetProperty("cases").GetArrayLength());
        Assert.Equal(10, await CountCasesAsync(app, noisy.TenantId));
    }

    [Fact]
    public async Task KeyLimit_SetForOneTenant_LimitsEachKeyOfThatTenantOnItsOwn()
    {
        await using var first = new TakedownFnFactory(azurite.Server);
        var tenant = await first.CreateTenantAsync();
        var other = await first.CreateTenantAsync();
        // The same deployment restarted with limits for this tenant's keys.
        await using var app = new TakedownFnFactory(azurite.Server, new Dictionary<string, string>
        {
            [$"TakedownFn:RateLimits:Tenants:{tenant.TenantId}:Key:Burst"] = "3",
            [$"TakedownFn:RateLimits:Tenants:{tenant.TenantId}:Key:PerPeriod"] = "1",
            [$"TakedownFn:RateLimits:Tenants:{tenant.TenantId}:Key:Period"] = "01:00:00",
        }, storagePrefix: first.StoragePrefix);
        await app.WaitUntilReadyAsync();
        var officer = app.ClientWithKey(tenant.Officer.DefaultRequestHeaders.GetValues(ApiKeys.HeaderName).Single());
        var auditor = app.ClientWithKey(tenant.Auditor.DefaultRequestHeaders.GetValues(ApiKeys.HeaderName).Single());
        var otherOfficer = app.ClientWithKey(other.Officer.DefaultRequestHeaders.GetValues(ApiKeys.HeaderName).Single());

        var officerAnswers = await SendAsync(officer, 6);
        var auditorAnswers = await SendAsync(auditor, 3);
        var otherAnswers = await SendAsync(otherOfficer, 6);

        Assert.Equal([3, 3], [officerAnswers.Count(s => s == HttpStatusCode.OK), officerAnswers.Count(s => s == HttpStatusCode.TooManyRequests)]);
        Assert.All(auditorAnswers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(otherAnswers, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task WorkerPath_SameLimiter_AnswersTheSame429()
    {
        await using var app = new TakedownFnFactory(azurite.Server, TightTenants);
        var tenant = await app.CreateTenantAsync();
        var key = tenant.Officer.DefaultRequestHeaders.GetValues(ApiKeys.HeaderName).Single();
        var viaWorker = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            viaWorker.Add(await InvokeAsWorkerAsync(app, key));
        }

        var viaStandalone = await SendAsync(tenant.Officer, 6);

        // One bucket of ten for the tenant, drained from both paths.
        Assert.Equal(Enumerable.Repeat(200, 6), viaWorker);
        Assert.Equal([4, 2], [viaStandalone.Count(s => s == HttpStatusCode.OK), viaStandalone.Count(s => s == HttpStatusCode.TooManyRequests)]);
        Assert.Equal(429, await InvokeAsWorkerAsync(app, key));
    }

    /// <summary>What the Functions worker's middleware does with a request, on the app's own services.</summary>
    private static async Task<int> InvokeAsWorkerAsync(TakedownFnFactory app, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers[ApiKeys.HeaderName] = key;
        http.Response.Body = new MemoryStream();
        await FunctionAuthorizationMiddleware.AuthorizeAsync(http, Policies.ReadCases, () =>
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        if (http.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            Assert.False(string.IsNullOrEmpty(http.Response.Headers.RetryAfter));
        }

        return http.Response.StatusCode;
    }

    private static async Task<List<HttpStatusCode>> SendAsync(HttpClient client, int count)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            answers.Add((await client.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        }

        return answers;
    }

    private static async Task<int> CountCasesAsync(TakedownFnFactory app, string tenantId)
    {
        var cases = app.Services.GetRequiredService<TakedownFn.Storage.Cases.CaseStore>();
        var page = await cases.ListAsync(tenantId, new TakedownFn.Storage.Cases.CaseQuery(null, null, null, null), 100, null, CancellationToken.None);
        return page.Values.Count;
    }
}
