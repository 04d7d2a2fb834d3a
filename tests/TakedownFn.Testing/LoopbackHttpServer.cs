using System.Net;
using System.Net.Sockets;

namespace TakedownFn.Testing;

/// <summary>
/// An HTTP server on a free IPv4 loopback port that hands every request to a callback, for tests
/// that stand in for a service the app calls (a webhook, a telemetry ingestion endpoint).
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle, string path = "/")
    {
        _handle = handle;
        Url = new Uri($"http://127.0.0.1:{FreePort()}{path}");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>A TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await _handle(context);
            context.Response.Close();
        }
    }
}
