using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Hosting;

/// <summary>The built app started as a process: which host it becomes and where its settings come from.</summary>
public class StartupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Secret = "c2VjcmV0LWtleS1tYXRlcmlhbA==";
    private const string Malformed = $"AccountName=acct;AccountKey={Secret};TableEndpoint=nonsense";
    private const string MalformedMessage = "Setting 'AzureWebJobsStorage': 'TableEndpoint' is not an absolute http(s) URI.";

    [Fact]
    public async Task Start_MalformedConnectionString_FailsNamingTheSettingWithoutTheKey()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = Malformed,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
        });

        await WaitForExitAsync(app);

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(MalformedMessage, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnlyLocalSettingsSetsStorage_UsesTheFile()
    {
        await using var app = AppProcess.Start(
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}" },
            [],
            LocalSettings(Malformed));

        await WaitForExitAsync(app);

        Assert.Contains(MalformedMessage, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EnvironmentAndLocalSettingsDisagree_EnvironmentWins()
    {
        var port = FreePort();
        await using var app = AppProcess.Start(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.Server.ConnectionString,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            },
            [],
            LocalSettings(Malformed));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        HttpResponseMessage? answer = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (answer is not { StatusCode: HttpStatusCode.OK } && !app.HasExited)
        {
            try
            {
                answer = await http.GetAsync(new Uri("/api/health", UriKind.Relative), timeout.Token);
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, timeout.Token);
        }

        Assert.False(app.HasExited, app.Output);
        Assert.Equal(HttpStatusCode.OK, answer!.StatusCode);
    }

    [Fact]
    public async Task Start_UnderTheFunctionsHostWithAStoragePrefix_RefusesInOneLine()
    {
        // As the host launches a .NET isolated worker: its gRPC endpoint and ids on the command line.
        await using var app = AppProcess.Start(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.Server.ConnectionString,
                ["TakedownFn__StoragePrefix"] = "shared",
            },
            ["--host", "127.0.0.1", "--port", "1", "--workerId", "w1", "--requestId", "r1", "--grpcMaxMessageLength", "2147483647",
             "--functions-uri", "http://127.0.0.1:1/", "--functions-worker-id", "w1", "--functions-request-id", "r1", "--functions-grpc-max-message-length", "2147483647"]);

        await WaitForExitAsync(app);

        Assert.Equal(1, app.ExitCode);
        Assert.Equal(
            "TakedownFn cannot start: TakedownFn__StoragePrefix must be empty under the Functions host, whose queue triggers read the unprefixed queues.",
            app.Output.Trim());
    }

    private static Dictionary<string, string> LocalSettings(string storage) => new()
    {
        ["local.settings.json"] = JsonSerializer.Serialize(new { IsEncrypted = false, Values = new Dictionary<string, string> { ["AzureWebJobsStorage"] = storage } }),
    };

    private static async Task WaitForExitAsync(AppProcess app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.WaitForExitAsync(timeout.Token);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
