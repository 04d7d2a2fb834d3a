using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TakedownFn.Testing;

namespace TakedownFn.Benchmarks;

/// <summary>The standalone app as its own process on Azurite, with a demo tenant and an admin key.</summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private AppUnderTest(Process process, Uri address, Dictionary<string, string> keys)
    {
        _process = process;
        Address = address;
        Keys = keys;
    }

    public Uri Address { get; }

    /// <summary>Keys by role: <c>platform</c>, <c>officer</c>, <c>auditor</c> of the demo tenant, and <c>admin</c>.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public string TenantId => Keys["tenant"];

    /// <param name="azurite">The storage the app runs on.</param>
    /// <param name="storagePrefix">Its tables', queues' and containers' prefix.</param>
    /// <param name="settings">Environment settings for the app.</param>
    /// <param name="beforeStart">Runs once the demo tenant exists (its id given) and before the app starts: to seed its storage.</param>
    public static async Task<AppUnderTest> StartAsync(AzuriteServer azurite, string storagePrefix, Dictionary<string, string>? settings = null, Func<string, Task>? beforeStart = null)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["TakedownFn__StoragePrefix"] = storagePrefix,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in settings ?? [])
        {
            environment[name] = value;
        }

        using var demo = JsonDocument.Parse(await CommandAsync(environment, "demo"));
        using var admin = JsonDocument.Parse(await CommandAsync(environment, "key", "issue-admin"));
        var keys = demo.RootElement.GetProperty("keys").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        keys["admin"] = admin.RootElement.GetProperty("key").GetString()!;
        keys["tenant"] = demo.RootElement.GetProperty("tenantId").GetString()!;
        if (beforeStart is not null)
        {
            await beforeStart(keys["tenant"]);
        }

        var process = Start(environment, []);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{port}"), keys);
        await app.WaitHealthyAsync();
        return app;
    }

    /// <summary>A client sending the given role's key, with enough connections for the load.</summary>
    public HttpClient Client(string role, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Keys[role]);
        return http;
    }

    /// <summary>The process's peak resident memory (Linux VmHWM), in MB.</summary>
    public int ProcessId => _process.Id;

    public double PeakMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        for (var i = 0; i < 300 && !_process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/api/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The app did not become healthy.");
    }

    internal static async Task<string> CommandAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var command = Start(environment, args);
        var output = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();
        return command.ExitCode == 0 ? output : throw new InvalidOperationException($"TakedownFn {string.Join(' ', args)} failed ({command.ExitCode}).");
    }

    private static Process Start(Dictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TakedownFn.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
