using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TakedownFn.Tests.Sla;

/// <summary>A webhook receiver on IPv4 loopback that fails the first deliveries of each event, then accepts.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _failFirst;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public WebhookListener(int failFirst)
    {
        _failFirst = failFirst;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hooks/sla/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var eventId = context.Request.Headers["X-TakedownFn-Event-Id"];
            var status = _counts.AddOrUpdate(eventId ?? string.Empty, 1, (_, n) => n + 1) <= _failFirst ? 500 : 200;
            Received.Enqueue(new Delivery(
                eventId, context.Request.Headers["X-TakedownFn-Timestamp"],
                context.Request.Headers["X-TakedownFn-Signature"], body, status, DateTimeOffset.UtcNow));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

/// <summary>One request the listener received, and what it answered.</summary>
internal sealed record Delivery(string? EventId, string? Timestamp, string? Signature, string Body, int Answered, DateTimeOffset At);
