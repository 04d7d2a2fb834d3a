using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TakedownFn.Testing;

namespace TakedownFn.Tests;

/// <summary>
/// The real app on the test server, against the shared Azurite, with its own storage prefix so that
/// each factory sees only its own queues, tables and containers.
/// </summary>
public sealed class TakedownFnFactory(AzuriteServer azurite) : WebApplicationFactory<Program>
{
    public string StoragePrefix { get; } = AzuriteFixture.UniqueName("t")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", azurite.ConnectionString);
        builder.UseSetting("TakedownFn:StoragePrefix", StoragePrefix);
    }
}
