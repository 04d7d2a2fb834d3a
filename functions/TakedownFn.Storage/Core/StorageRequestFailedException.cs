using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace TakedownFn.Storage.Core;

/// <summary>
/// A request the storage service refused or failed. Carries the HTTP status, the Storage error
/// code (e.g. <c>EntityAlreadyExists</c>, <c>UpdateConditionNotSatisfied</c>) and the service's
/// request id for support cases.
/// </summary>
public class StorageRequestFailedException : RequestFailedException
{
    public StorageRequestFailedException(int status, string message, string? errorCode, string? requestId, Exception? innerException = null)
        : base(status, message, errorCode, innerException)
    {
        RequestId = requestId;
    }

    public StorageRequestFailedException(string message)
        : base(message)
    {
    }

    public StorageRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageRequestFailedException()
        : base(string.Empty)
    {
    }

    /// <summary>The service's <c>x-ms-request-id</c>, when it answered.</summary>
    public string? RequestId { get; }

    /// <summary>Builds the exception from an error response; reads the code from the header or the body.</summary>
    public static StorageRequestFailedException FromResponse(Response response, string operation)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (bodyCode, bodyMessage) = ReadError(response);
        var code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : bodyCode;
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        var message = $"{operation} failed with {response.Status} {code ?? response.ReasonPhrase}"
            + (bodyMessage is null ? "." : $": {FirstLine(bodyMessage)}")
            + (requestId is null ? string.Empty : $" (request id {requestId})");
        return new StorageRequestFailedException(response.Status, message, code, requestId);
    }

    /// <summary>Queue and Blob answer XML <c>&lt;Error&gt;</c>; Table answers JSON <c>odata.error</c>.</summary>
    internal static (string? Code, string? Message) ReadError(Response response)
    {
        var content = response.Content;
        if (content is null || content.ToMemory().Length == 0)
        {
            return (null, null);
        }

        try
        {
            var text = content.ToString();
            if (text.TrimStart().StartsWith('<'))
            {
                var root = XElement.Parse(text);
                return (root.Element("Code")?.Value, root.Element("Message")?.Value);
            }

            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("odata.error", out var error))
            {
                var message = error.TryGetProperty("message", out var m)
                    ? (m.ValueKind == JsonValueKind.Object ? m.GetProperty("value").GetString() : m.GetString())
                    : null;
                return (error.GetProperty("code").GetString(), message);
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException)
        {
            // An unreadable error body still leaves the status and header code.
        }

        return (null, null);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
