using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TakedownFn.Functions;

/// <summary>A queue message as a handler sees it, whichever host delivered it.</summary>
/// <param name="Text">The message text (our messages are JSON).</param>
/// <param name="DequeueCount">How many times the message has been delivered, this time included.</param>
/// <param name="MessageId">The queue's message id, for logs.</param>
internal sealed record QueueDelivery(string Text, long DequeueCount, string? MessageId);

/// <summary>
/// The Functions host's custom-handler invocation envelope: <c>{"Data": {binding: value},
/// "Metadata": {...}}</c> in, <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c> out.
/// </summary>
internal static class CustomHandlerEnvelope
{
    public const string QueueBindingName = "message";
    public const string TimerBindingName = "timer";

    /// <summary>
    /// Reads a queue-trigger invocation. The value may be the message text as a JSON string, that
    /// string JSON-encoded a second time, base64 of the message bytes (<c>"dataType": "binary"</c>),
    /// or, for JSON messages, the object itself; every shape yields the same text.
    /// </summary>
    /// <exception cref="FormatException">The envelope is not a queue invocation.</exception>
    public static QueueDelivery ReadQueueInvocation(JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object || !envelope.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The invocation has no \"Data\" object.");
        }

        if (!data.TryGetProperty(QueueBindingName, out var value))
        {
            throw new FormatException($"The invocation's Data has no \"{QueueBindingName}\" binding.");
        }

        var metadata = envelope.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new QueueDelivery(MessageText(value), ReadDequeueCount(metadata), ReadString(metadata, "Id"));
    }

    /// <summary>
    /// The answer: no outputs, the log lines, no return value. Its HTTP status tells the host
    /// whether the invocation succeeded.
    /// </summary>
    public static object Answer(IReadOnlyList<string> logs) => new InvocationResult(new Dictionary<string, object?>(), logs, null);

    private static string MessageText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array:
                return value.GetRawText();
            case JsonValueKind.String:
                return Unwrap(value.GetString()!, depth: 0);
            default:
                throw new FormatException($"The queue binding's value is a JSON {value.ValueKind}, not a message.");
        }
    }

    /// <summary>Peels JSON-string and base64 layers until the JSON message appears.</summary>
    private static string Unwrap(string text, int depth)
    {
        var trimmed = text.AsSpan().Trim();
        if (depth > 3 || trimmed.IsEmpty || trimmed[0] is '{' or '[')
        {
            return text;
        }

        if (trimmed[0] == '"')
        {
            return Unwrap(JsonSerializer.Deserialize<string>(trimmed) ?? string.Empty, depth + 1);
        }

        if (Base64.IsValid(trimmed))
        {
            return Unwrap(Encoding.UTF8.GetString(Convert.FromBase64String(trimmed.ToString())), depth + 1);
        }

        return text;
    }

    private static long ReadDequeueCount(JsonElement metadata)
    {
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("DequeueCount", out var count))
        {
            return 1;
        }

        // The host sends a number; older hosts and some tools send the number as a string.
        return count.ValueKind switch
        {
            JsonValueKind.Number => count.GetInt64(),
            JsonValueKind.String when long.TryParse(Unwrap(count.GetString()!, 0).Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new FormatException("Metadata.DequeueCount is not a number."),
        };
    }

    private static string? ReadString(JsonElement metadata, string name) =>
        metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim('"')
            : null;

    /// <summary>The host's response shape (PascalCase, as the host reads it).</summary>
    private sealed record InvocationResult(
        [property: System.Text.Json.Serialization.JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
        [property: System.Text.Json.Serialization.JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
        [property: System.Text.Json.Serialization.JsonPropertyName("ReturnValue")] object? ReturnValue);
}
