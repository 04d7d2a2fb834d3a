using System.Text;
using System.Text.Json;
using TakedownFn.Functions;

namespace TakedownFn.Tests.Functions;

/// <summary>The shapes in which the Functions host delivers a queue message to a custom handler.</summary>
public class CustomHandlerEnvelopeTests
{
    private const string Message = "{\"tenant\":\"t0123456789abcdef\",\"cases\":[\"abc\"]}";

    public static TheoryData<string> Shapes()
    {
        var asString = JsonSerializer.Serialize(Message);
        return
        [
            // The message text as a JSON string.
            asString,
            // That string JSON-encoded a second time.
            JsonSerializer.Serialize(asString),
            // "dataType": "binary": base64 of the message bytes.
            JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(Message))),
            // A JSON message handed over as the object itself.
            Message,
        ];
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ReadQueueInvocation_EveryShape_YieldsTheMessageText(string value)
    {
        var envelope = Envelope(value, "{\"DequeueCount\":3,\"Id\":\"\\\"m-1\\\"\",\"PopReceipt\":\"AgAAAA==\",\"InsertionTime\":\"2026-11-23T17:00:00+00:00\"}");

        var delivery = CustomHandlerEnvelope.ReadQueueInvocation(envelope);

        Assert.Equal(Message, delivery.Text);
        Assert.Equal(3, delivery.DequeueCount);
        Assert.Equal("m-1", delivery.MessageId);
    }

    [Fact]
    public void ReadQueueInvocation_DequeueCountAsString_IsRead()
    {
        var delivery = CustomHandlerEnvelope.ReadQueueInvocation(Envelope(JsonSerializer.Serialize(Message), "{\"DequeueCount\":\"5\"}"));

        Assert.Equal(5, delivery.DequeueCount);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Data\":{}}")]
    [InlineData("{\"Data\":{\"message\":42}}")]
    [InlineData("[]")]
    public void ReadQueueInvocation_NotAQueueInvocation_Throws(string envelope)
    {
        using var document = JsonDocument.Parse(envelope);

        Assert.Throws<FormatException>(() => CustomHandlerEnvelope.ReadQueueInvocation(document.RootElement.Clone()));
    }

    private static JsonElement Envelope(string value, string metadata)
    {
        using var document = JsonDocument.Parse($"{{\"Data\":{{\"message\":{value}}},\"Metadata\":{metadata}}}");
        return document.RootElement.Clone();
    }
}
