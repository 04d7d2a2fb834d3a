using System.Net;
using System.Net.Sockets;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Hosting;

/// <summary>The app as the Functions host starts it: a process told its port by FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
public class CustomHandlerHostingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Start_CustomHandlerPort_AnswersReadinessProbeOnIpv4Loopback()
    {
        var port = FreePort();
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["AzureWebJobsStorage"] = azurite.Server.ConnectionString,
            // A stray URL setting must not move the handler off the host's port.
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // The host polls GET / until anything answers; so do we, as long as the process lives.
        HttpResponseMessage? answer = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (answer is null && !app.HasExited)
        {
            try
            {
                answer = await http.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, timeout.Token);
            }
        }

        Assert.False(app.HasExited, app.Output);
        Assert.Equal(HttpStatusCode.OK, answer!.StatusCode);
    }

    [Fact]
    public async Task Start_MalformedConnectionString_FailsNamingTheSettingWithoutTheKey()
    {
        const string secret = "c2VjcmV0LWtleS1tYXRlcmlhbA==";
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = $"AccountName=acct;AccountKey={secret};TableEndpoint=nonsense",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains("Setting 'AzureWebJobsStorage': 'TableEndpoint' is not an absolute http(s) URI.", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, app.Output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
