using System.Collections.Concurrent;
using System.Net;
using System.Text;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Sla;

/// <summary>A webhook receiver on IPv4 loopback that fails the first deliveries of each event, then accepts.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly int _failFirst;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public WebhookListener(int failFirst)
    {
        _failFirst = failFirst;
        _server = new LoopbackHttpServer(ReceiveAsync, "/hooks/sla/");
    }

    public string Url => _server.Url.ToString();

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public void Dispose() => _server.Dispose();

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var eventId = context.Request.Headers["X-TakedownFn-Event-Id"];
        var status = _counts.AddOrUpdate(eventId ?? string.Empty, 1, (_, n) => n + 1) <= _failFirst ? 500 : 200;
        Received.Enqueue(new Delivery(
            eventId, context.Request.Headers["X-TakedownFn-Timestamp"],
            context.Request.Headers["X-TakedownFn-Signature"], body, status, DateTimeOffset.UtcNow));
        context.Response.StatusCode = status;
    }
}

/// <summary>One request the listener received, and what it answered.</summary>
internal sealed record Delivery(string? EventId, string? Timestamp, string? Signature, string Body, int Answered, DateTimeOffset At);
