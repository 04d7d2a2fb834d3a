using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Functions;
using TakedownFn.Storage.Accounts;
using TakedownFn.Testing;
using TakedownFn.Tenants;

namespace TakedownFn.Tests;

/// <summary>
/// The real app on the test server, against the shared Azurite, with its own storage prefix so that
/// each factory sees only its own queues, tables and containers. Failed messages are retried at
/// once so the poison path takes seconds.
/// </summary>
/// <remarks>
/// A factory given another factory's <paramref name="storagePrefix"/> is the same deployment started
/// again (a restart); <paramref name="services"/> replaces services, e.g. the clock.
/// </remarks>
public sealed class TakedownFnFactory(
    AzuriteServer azurite,
    IReadOnlyDictionary<string, string>? settings = null,
    string? storagePrefix = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string StoragePrefix { get; } = storagePrefix ?? AzuriteFixture.UniqueName("t")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        if (azurite.Account.UsesConnectionString)
        {
            builder.UseSetting("AzureWebJobsStorage", azurite.ConnectionString);
        }
        else
        {
            UseIdentityBasedStorage(builder);
        }

        builder.UseSetting("TakedownFn:StoragePrefix", StoragePrefix);
        builder.UseSetting("TakedownFn:Queues:RetryDelay", "00:00:00");
        builder.UseSetting("TakedownFn:Queues:MaxPollingInterval", "00:00:00.200");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(name, value);
        }
    }

    /// <summary>
    /// An Azurite in OAuth mode: the app gets the identity-based settings (service URIs, as in Azure)
    /// and reads them itself; the test then gives the account it built the test token credential in
    /// place of a managed identity, and the clients a transport that trusts the emulator's certificate.
    /// </summary>
    private void UseIdentityBasedStorage(IWebHostBuilder builder)
    {
        foreach (var (name, value) in AzuriteServer.IdentitySettings(azurite.Account))
        {
            builder.UseSetting(name.Replace("__", ":", StringComparison.Ordinal), value);
        }

        builder.ConfigureTestServices(services =>
        {
            var configured = services.Single(d => d.ServiceType == typeof(StorageAccount));
            var account = (StorageAccount)configured.ImplementationInstance!;
            services.Remove(configured);
            services.AddSingleton(account.WithCredential(azurite.Account.Credential!));
            services.Remove(services.Single(d => d.ServiceType == typeof(StorageClientSettings)));
            services.AddSingleton(azurite.ClientSettings());
        });
    }

    /// <summary>Waits until the app has created its storage (it does so in the background).</summary>
    public async Task WaitUntilReadyAsync()
    {
        await Services.GetRequiredService<StorageReadiness>().WaitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    /// <summary>A new tenant with one client per role, each sending that role's key.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name = "Test platform")
    {
        await WaitUntilReadyAsync();
        var admin = Services.GetRequiredService<TenantAdministration>();
        var tenant = await admin.CreateTenantAsync(name, CancellationToken.None);
        var clients = new Dictionary<Role, HttpClient>();
        foreach (var role in new[] { Role.Platform, Role.Officer, Role.Auditor })
        {
            clients[role] = ClientWithKey((await admin.IssueKeyAsync(tenant.TenantId, role, CancellationToken.None)).Key);
        }

        return new TestTenant(tenant.TenantId, clients[Role.Platform], clients[Role.Officer], clients[Role.Auditor]);
    }

    public async Task<HttpClient> AdminClientAsync()
    {
        await WaitUntilReadyAsync();
        var key = await Services.GetRequiredService<TenantAdministration>().IssueKeyAsync(null, Role.Admin, CancellationToken.None);
        return ClientWithKey(key.Key);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }
}

/// <summary>A tenant of the test app and a client per role.</summary>
public sealed record TestTenant(string TenantId, HttpClient Platform, HttpClient Officer, HttpClient Auditor);

/// <summary>Polls until a condition holds; the app processes queues in the background.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (until(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    public static Task<System.Text.Json.JsonElement> GetJsonAsync(HttpClient client, string path, Func<System.Text.Json.JsonElement, bool> until, TimeSpan? timeout = null) =>
        GetAsync(() => client.GetFromJsonAsync<System.Text.Json.JsonElement>(path), until, timeout);
}
