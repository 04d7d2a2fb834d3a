using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Core;
using TakedownFn.Storage.Accounts;
using TakedownFn.Testing;
using TakedownFn.Tests.Ledger;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Infra;

/// <summary>One Azurite over HTTPS that checks every request's bearer token (<c>--oauth basic</c>).</summary>
public sealed class OAuthAzuriteFixture : IAsyncLifetime
{
    public AzuriteOAuth OAuth { get; } = new();

    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AzuriteServer.StartWithOAuthAsync("oauth", OAuth);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        OAuth.Dispose();
    }
}

/// <summary>
/// Identity-based storage end to end without Azure: the app reads the identity-based settings the
/// template sets (service URIs instead of a connection string), gets its tokens from a
/// <see cref="TokenCredential"/> for the storage scope, and works against an Azurite that refuses
/// any request without a valid token.
/// </summary>
public sealed class IdentityStorageTests(OAuthAzuriteFixture azurite) : IClassFixture<OAuthAzuriteFixture>
{
    public enum TokenKind
    {
        Valid,
        Expired,
        OtherAudience,
    }

    [Fact]
    public async Task App_OnIdentityBasedStorage_AcceptsTriagesAndSignsANotice()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString();
        var view = await Eventually.GetJsonAsync(tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        var checkpoint = await LedgerApp.CheckpointAsync(tenant.Auditor, 3);
        var health = await app.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal("triaged", view.GetProperty("state").GetString());
        Assert.True(checkpoint.GetProperty("treeSize").GetInt64() >= 3);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotEmpty(azurite.OAuth.Credential.RequestedScopes);
        Assert.All(azurite.OAuth.Credential.RequestedScopes, s => Assert.Equal(TestTokenCredential.StorageScope, s));
    }

    [Theory]
    [InlineData(StorageService.Blob, TokenKind.Valid)]
    [InlineData(StorageService.Queue, TokenKind.Valid)]
    [InlineData(StorageService.Table, TokenKind.Valid)]
    [InlineData(StorageService.Blob, TokenKind.Expired)]
    [InlineData(StorageService.Queue, TokenKind.Expired)]
    [InlineData(StorageService.Table, TokenKind.Expired)]
    [InlineData(StorageService.Blob, TokenKind.OtherAudience)]
    [InlineData(StorageService.Queue, TokenKind.OtherAudience)]
    [InlineData(StorageService.Table, TokenKind.OtherAudience)]
    public async Task Create_Token_OnlyAValidTokenIsServed(StorageService service, TokenKind token)
    {
        var name = AzuriteFixture.UniqueName("auth");

        var create = () => CreateAsync(service, name, token);

        if (token == TokenKind.Valid)
        {
            await create();
        }
        else
        {
            var refused = await Assert.ThrowsAsync<RequestFailedException>(create);
            Assert.True(refused.Status is 401 or 403, $"{service} answered {refused.Status} {refused.ErrorCode}");
        }
    }

    [Theory]
    [InlineData(StorageService.Blob)]
    [InlineData(StorageService.Queue)]
    [InlineData(StorageService.Table)]
    public async Task Create_WithoutAuthorizationHeader_IsRefused(StorageService service)
    {
        // The SDK clients always authenticate (the table client refuses to send anonymously), so
        // the anonymous request is sent as plain REST.
        var account = azurite.Server.Account;
        var name = AzuriteFixture.UniqueName("anon");
        using var http = new HttpClient(azurite.OAuth.Handler());
        using var request = service switch
        {
            StorageService.Blob => new HttpRequestMessage(HttpMethod.Put, $"{account.BlobServiceUri}/{name}?restype=container"),
            StorageService.Queue => new HttpRequestMessage(HttpMethod.Put, $"{account.QueueServiceUri}/{name}"),
            _ => new HttpRequestMessage(HttpMethod.Post, $"{account.TableServiceUri}/Tables") { Content = JsonContent.Create(new { TableName = name }) },
        };
        request.Headers.Add("x-ms-version", "2021-12-02");
        request.Headers.Add("x-ms-date", DateTimeOffset.UtcNow.ToString("R"));

        using var response = await http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{service} answered {(int)response.StatusCode}");
    }

    private Task CreateAsync(StorageService service, string name, TokenKind token)
    {
        var account = azurite.Server.Account;
        var settings = azurite.Server.ClientSettings();
        settings.MaxRetries = 0;
        TokenCredential credential = token switch
        {
            TokenKind.Expired => new TestTokenCredential(lifetime: TimeSpan.FromMinutes(-10)),
            TokenKind.OtherAudience => new TestTokenCredential(audience: "https://vault.azure.net"),
            _ => new TestTokenCredential(),
        };
        var withToken = account.WithCredential(credential);
        return service switch
        {
            StorageService.Blob => withToken.CreateBlobServiceClient(settings).CreateBlobContainerAsync(name),
            StorageService.Queue => withToken.CreateQueueServiceClient(settings).CreateQueueAsync(name),
            _ => withToken.CreateTableServiceClient(settings).CreateTableAsync(name),
        };
    }
}
