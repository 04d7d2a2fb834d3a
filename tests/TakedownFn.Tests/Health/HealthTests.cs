using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownFn.Storage.Accounts;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Health;

public sealed class HealthTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_AfterStartUp_ReportsEveryResourceReachableAndCreated()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        await app.WaitUntilReadyAsync();

        var response = await app.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        var storage = report.GetProperty("storage").EnumerateArray().ToList();
        Assert.Equal(["blob", "queue", "table"], storage.Select(s => s.GetProperty("service").GetString()).Distinct().Order());
        Assert.All(storage, s => Assert.True(s.GetProperty("exists").GetBoolean(), s.ToString()));
        Assert.Contains(storage, s => s.GetProperty("name").GetString() == $"{app.StoragePrefix}intake");
    }

    [Fact]
    public async Task Health_StorageUnreachable_Answers503NamingEachService()
    {
        // Nothing listens on these ports: Azurite's account, but no Azurite.
        var nowhere = StorageAccount.ForAzurite("127.0.0.1", 1, 2, 3).ToConnectionString();
        await using var app = new TakedownFnFactory(azurite.Server, new Dictionary<string, string> { ["AzureWebJobsStorage"] = nowhere });

        var response = await app.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(report.GetProperty("storage").EnumerateArray(), s => Assert.False(s.GetProperty("reachable").GetBoolean()));
    }
}
