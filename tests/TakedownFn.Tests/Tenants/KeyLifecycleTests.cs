using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Ledger.Checkpoints;
using TakedownFn.Testing;
using TakedownFn.Tests.Ledger;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Tenants;

/// <summary>Admins list, issue (with an expiry) and revoke a tenant's keys; every such action is a ledger event.</summary>
public sealed class KeyLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ListKeys_AfterUse_ShowsIdsRolesAndLastUseButNoSecret()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var tenant = await app.CreateTenantAsync();
        var admin = await app.AdminClientAsync();
        await tenant.Officer.GetAsync(new Uri("/api/cases", UriKind.Relative));

        var response = await admin.GetAsync(new Uri($"/api/tenants/{tenant.TenantId}/keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var keys = JsonDocument.Parse(text).RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(["auditor", "officer", "platform"], keys.Select(k => k.GetProperty("role").GetString()).Order());
        Assert.All(keys, k => Assert.Equal("active", k.GetProperty("status").GetString()));
        var officer = keys.Single(k => k.GetProperty("role").GetString() == "officer");
        Assert.Equal(JsonValueKind.String, officer.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain("tfn_", text, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Officer.DefaultRequestHeaders.GetValues("X-Api-Key").Single(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IssueKey_WithExpiry_WorksUntilThenAnswers401AndListsExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TakedownFnFactory(azurite.Server, services: s => s.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(clock));
        var tenant = await app.CreateTenantAsync();
        var admin = await app.AdminClientAsync();

        var issued = await admin.PostAsync(
            new Uri($"/api/tenants/{tenant.TenantId}/keys", UriKind.Relative),
            SampleNotices.Json(new JsonObject { ["role"] = "officer", ["expiresAt"] = clock.GetUtcNow().AddMinutes(10).ToString("O") }));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var client = app.ClientWithKey(body.GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);

        var keys = await admin.GetFromJsonAsync<JsonElement>($"/api/tenants/{tenant.TenantId}/keys");
        var key = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == body.GetProperty("keyId").GetString());
        Assert.Equal("expired", key.GetProperty("status").GetString());
    }

    [Fact]
    public async Task IssueKey_ExpiryInThePast_Answers400NamingIt()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var tenant = await app.CreateTenantAsync();
        var admin = await app.AdminClientAsync();

        var response = await admin.PostAsync(
            new Uri($"/api/tenants/{tenant.TenantId}/keys", UriKind.Relative),
            SampleNotices.Json(new JsonObject { ["role"] = "platform", ["expiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O") }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public async Task RevokeKey_OnOneInstance_Answers401ThereAtOnceAndOnAnotherWithinOneMinute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        void Clock(IServiceCollection s) => s.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(clock);
        await using var first = new TakedownFnFactory(azurite.Server, services: Clock);
        await using var second = new TakedownFnFactory(azurite.Server, storagePrefix: first.StoragePrefix, services: Clock);
        var tenant = await first.CreateTenantAsync();
        await second.WaitUntilReadyAsync();
        var officerKey = tenant.Officer.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var viaSecond = second.ClientWithKey(officerKey);
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        var admin = await first.AdminClientAsync();
        var keyId = (await admin.GetFromJsonAsync<JsonElement>($"/api/tenants/{tenant.TenantId}/keys"))
            .GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("role").GetString() == "officer").GetProperty("keyId").GetString();

        var revoked = await admin.DeleteAsync(new Uri($"/api/tenants/{tenant.TenantId}/keys/{keyId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Officer.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        // The other instance read the key before the revocation and trusts it for at most a minute.
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Unauthorized, (await viaSecond.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/tenants/{tenant.TenantId}/keys/000000000000", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AdminActions_IssueAndRevoke_AreEventsOfTheTenantsLedger()
    {
        await using var app = new TakedownFnFactory(azurite.Server, LedgerApp.Settings(LedgerKeyPair.Generate().PrivateKeyPem));
        var tenant = await app.CreateTenantAsync();
        var admin = await app.AdminClientAsync();
        var issued = await (await admin.PostAsync(new Uri($"/api/tenants/{tenant.TenantId}/keys", UriKind.Relative), SampleNotices.Json(new JsonObject { ["role"] = "auditor" })))
            .Content.ReadFromJsonAsync<JsonElement>();
        var keyId = issued.GetProperty("keyId").GetString()!;
        await admin.DeleteAsync(new Uri($"/api/tenants/{tenant.TenantId}/keys/{keyId}", UriKind.Relative));

        await LedgerApp.CheckpointAsync(tenant.Auditor, 2);
        var leaves = (await tenant.Auditor.GetFromJsonAsync<JsonElement>("/api/ledger/leaves?start=0&count=10")).GetProperty("leaves").EnumerateArray()
            .Select(l => Encoding.UTF8.GetString(Convert.FromBase64String(l.GetProperty("leaf").GetString()!))).ToList();

        Assert.Equal(2, leaves.Count);
        Assert.Contains("\"eventType\":\"key-issued\"", leaves[0], StringComparison.Ordinal);
        Assert.Contains("\"eventType\":\"key-revoked\"", leaves[1], StringComparison.Ordinal);
        Assert.All(leaves, l => Assert.Contains("\"caseId\":\"tenant\"", l, StringComparison.Ordinal));
        Assert.All(leaves, l => Assert.DoesNotContain(issued.GetProperty("key").GetString()!, l, StringComparison.Ordinal));
    }
}
