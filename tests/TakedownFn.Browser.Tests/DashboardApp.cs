using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Functions;
using TakedownFn.Testing;
using TakedownFn.Tenants;

namespace TakedownFn.Browser.Tests;

/// <summary>
/// The standalone app on Kestrel (a real port, so a browser can reach it) against the shared
/// Azurite, with its own storage prefix.
/// </summary>
public sealed class DashboardApp(AzuriteServer azurite) : WebApplicationFactory<Program>
{
    private readonly string _prefix = AzuriteFixture.UniqueName("b")[..12];

    /// <summary>The app's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", azurite.ConnectionString);
        builder.UseSetting("TakedownFn:StoragePrefix", _prefix);
        builder.UseSetting("TakedownFn:Queues:RetryDelay", "00:00:00");
        builder.UseSetting("TakedownFn:Queues:MaxPollingInterval", "00:00:00.200");
    }

    public async Task StartAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        await Services.GetRequiredService<StorageReadiness>().WaitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    /// <summary>A new tenant and a key per role, admin included.</summary>
    public async Task<Keys> CreateTenantAsync()
    {
        var admin = Services.GetRequiredService<TenantAdministration>();
        var tenant = await admin.CreateTenantAsync("Browser test platform", CancellationToken.None);
        async Task<string> Issue(string? tenantId, Role role) => (await admin.IssueKeyAsync(tenantId, role, CancellationToken.None)).Key;
        return new Keys(
            tenant.TenantId,
            await Issue(tenant.TenantId, Role.Platform),
            await Issue(tenant.TenantId, Role.Officer),
            await Issue(tenant.TenantId, Role.Auditor),
            await Issue(null, Role.Admin));
    }

    /// <summary>An HTTP client to the app sending <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }
}

/// <summary>A tenant's keys, one per role, and a service admin key.</summary>
public sealed record Keys(string TenantId, string Platform, string Officer, string Auditor, string Admin);
