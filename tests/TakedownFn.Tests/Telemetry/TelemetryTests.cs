using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TakedownFn.Hosting;
using TakedownFn.Telemetry;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Telemetry;

/// <summary>
/// OpenTelemetry export to Azure Monitor: on when APPLICATIONINSIGHTS_CONNECTION_STRING is set, on
/// either host, and absent otherwise. The exporter is pointed at a local ingestion endpoint, so
/// the test sees what Application Insights would receive.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string InstrumentationKey = "00000000-0000-0000-0000-0000000000a1";

    [Fact]
    public async Task Standalone_ConnectionStringSet_ExportsTheRequestToTheIngestionEndpoint()
    {
        using var ingestion = new IngestionEndpoint();
        await using var app = new TakedownFnFactory(azurite.Server, Settings(ingestion.Url));
        using var client = app.CreateClient();

        await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        // ASP.NET Core's activity source is process-wide, so this app's exporter also sees the
        // requests of other tests' apps running beside it: look for this test's request item.
        var sent = await ingestion.WaitForAsync(item =>
            item.Contains("\"RequestData\"", StringComparison.Ordinal) && item.Contains("\"GET /api/health\"", StringComparison.Ordinal));

        Assert.Contains($"\"iKey\":\"{InstrumentationKey}\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"responseCode\":\"200\"", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standalone_ConnectionStringSet_RegistersTracesMetricsAndLogs()
    {
        await using var app = new TakedownFnFactory(azurite.Server, Settings(new Uri("http://127.0.0.1:9/")));

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<LoggerProvider>());
    }

    [Fact]
    public async Task Standalone_ConnectionStringUnset_RegistersNoTelemetryExport()
    {
        await using var app = new TakedownFnFactory(azurite.Server);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
        Assert.NotNull(app.Services.GetService<AppMetrics>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Worker_ConnectionString_RegistersTelemetryExactlyWhenSet(bool set)
    {
        await azurite.InitializeAsync();
        string[] args = ["--AzureWebJobsStorage", azurite.Server.ConnectionString];
        if (set)
        {
            args = [.. args, $"--{TelemetryRegistration.ConnectionStringSetting}", ConnectionString(new Uri("http://127.0.0.1:9/"))];
        }

        using var host = WorkerApp.CreateBuilder(args)!.Build();

        Assert.Equal(set, host.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(set, host.Services.GetService<MeterProvider>() is not null);
        Assert.Equal(set, host.Services.GetService<LoggerProvider>() is not null);
    }

    private static Dictionary<string, string> Settings(Uri ingestion) => new()
    {
        [TelemetryRegistration.ConnectionStringSetting] = ConnectionString(ingestion),
    };

    private static string ConnectionString(Uri ingestion) => $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={ingestion}";

    /// <summary>Answers every POST like Application Insights' ingestion does and keeps the (gzip) bodies.</summary>
    private sealed class IngestionEndpoint : IDisposable
    {
        private readonly LoopbackHttpServer _server;
        private readonly List<string> _bodies = [];
        private readonly SemaphoreSlim _received = new(0);

        public IngestionEndpoint() => _server = new LoopbackHttpServer(ReceiveAsync);

        public Uri Url => _server.Url;

        /// <summary>Waits for a telemetry item (one line of a newline-delimited batch) that matches.</summary>
        public async Task<string> WaitForAsync(Func<string, bool> match)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                lock (_bodies)
                {
                    if (_bodies.SelectMany(body => body.Split('\n')).FirstOrDefault(match) is { } item)
                    {
                        return item;
                    }
                }

                try
                {
                    await _received.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    lock (_bodies)
                    {
                        Assert.Fail($"Nothing matching reached the ingestion endpoint; it received:\n{string.Join("\n", _bodies)}");
                    }
                }
            }
        }

        public void Dispose() => _server.Dispose();

        private async Task ReceiveAsync(HttpListenerContext context)
        {
            var gzip = context.Request.Headers["Content-Encoding"] == "gzip";
            using var reader = new StreamReader(gzip ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress) : context.Request.InputStream);
            var text = await reader.ReadToEndAsync();
            lock (_bodies)
            {
                _bodies.Add(text);
            }

            _received.Release();
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{\"itemsReceived\":1,\"itemsAccepted\":1,\"errors\":[]}"u8.ToArray());
        }
    }
}
