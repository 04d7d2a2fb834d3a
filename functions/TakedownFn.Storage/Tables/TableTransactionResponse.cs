using System.Globalization;
using System.Text.Json;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// Reads the inner HTTP responses of a <c>$batch</c> answer. Azure answers a failed changeset with
/// one inner error response whose message starts with the failing action's zero-based index
/// (<c>"2:The specified entity already exists."</c>); Azurite does the same and also sets
/// <c>Content-ID</c> to the 1-based position. Both are read, the index prefix first. Parsing works
/// line by line on status lines, so it needs neither boundary to be exactly as announced.
/// </summary>
internal static class TableTransactionResponse
{
    internal readonly record struct InnerResponse(int Status, int? ContentId, string? ETag, string Body);

    internal readonly record struct Failure(int Status, string? ErrorCode, string? Message, int? Index);

    public static List<InnerResponse> Parse(string text)
    {
        var responses = new List<InnerResponse>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith("HTTP/1.", StringComparison.Ordinal) || line.Length < 12
                || !int.TryParse(line.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                continue;
            }

            int? contentId = null;
            string? etag = null;
            for (i++; i < lines.Length; i++)
            {
                var header = lines[i].TrimEnd('\r');
                if (header.Length == 0)
                {
                    break;
                }

                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var name = header.AsSpan(0, colon).Trim();
                var value = header.AsSpan(colon + 1).Trim().TrimEnd(';');
                if (name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    contentId = id;
                }
                else if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = value.ToString();
                }
            }

            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i].TrimEnd('\r'));
            }

            i--;
            responses.Add(new InnerResponse(status, contentId, etag, string.Join('\n', body).Trim()));
        }

        return responses;
    }

    /// <summary>The failing action, its error code, and the service message without the index prefix.</summary>
    public static Failure ReadFailure(InnerResponse response, int actionCount)
    {
        var (code, message) = ReadODataError(response.Body);
        int? index = null;
        if (message is not null)
        {
            var colon = message.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var prefixed))
            {
                index = prefixed;
                message = message[(colon + 1)..];
            }
        }

        index ??= response.ContentId - 1;
        if (index is null && actionCount == 1)
        {
            index = 0;
        }

        if (index < 0 || index >= actionCount)
        {
            index = null;
        }

        return new Failure(response.Status, code, FirstLine(message), index);
    }

    private static (string? Code, string? Message) ReadODataError(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("odata.error", out var error))
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var m))
            {
                message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                    : m.ValueKind == JsonValueKind.String ? m.GetString()
                    : null;
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
