using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Functions;
using TakedownFn.Storage;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Functions;

public class FunctionCatalogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string CheckedIn = Path.Combine(RepositoryRoot.FullPath, "functions", "TakedownFn", "FunctionApp");

    public static TheoryData<string> Functions() => [.. FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionJson_CheckedIn_MatchesTheCatalog(string name)
    {
        var function = FunctionCatalog.For(StorageResources.FromPrefix(null)).Single(f => f.Name == name);
        var path = Path.Combine(CheckedIn, name, "function.json");

        Assert.True(File.Exists(path), $"{path} is missing: run `dotnet functions/TakedownFn/bin/Debug/net10.0/TakedownFn.dll functions write functions/TakedownFn/FunctionApp`.");
        Assert.Equal(FunctionJson.For(function), File.ReadAllText(path));
    }

    [Fact]
    public void FunctionJson_CheckedIn_HasNoFolderTheCatalogLacks()
    {
        var names = FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Name).Order();

        Assert.Equal(names, Directory.GetDirectories(CheckedIn).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task HttpFunctions_EveryCatalogRoute_IsMappedByTheAppAndViceVersa()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        _ = app.Server;
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order();
        var catalog = FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Trigger).OfType<HttpFunctionTrigger>()
            .SelectMany(t => t.Methods.Select(m => $"{m} /api/{t.Route}"))
            .Order();

        Assert.Equal(catalog, mapped);
    }

    [Fact]
    public void HttpFunctions_NoRoute_StartsWithTheHostsAdminPrefix()
    {
        Assert.DoesNotContain(FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Trigger).OfType<HttpFunctionTrigger>(),
            t => t.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(60, "0 */1 * * * *")]
    [InlineData(5, "*/5 * * * * *")]
    [InlineData(300, "0 */5 * * * *")]
    public void TimerSchedule_Period_IsTheNcrontabTheHostReads(int seconds, string expected)
    {
        Assert.Equal(expected, new TimerFunctionTrigger(TimeSpan.FromSeconds(seconds)).Schedule);
    }
}
