using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using TakedownFn.Storage.Core;

namespace TakedownFn.Benchmarks;

/// <summary>
/// The floor: the same REST calls our clients make, sent by a bare <see cref="HttpClient"/> loop
/// with the minimum of work (fixed strings, one signature per request, no pipeline, no retries).
/// </summary>
internal sealed class FloorRequests(StorageConnection connection)
{
    private const string Version = "2025-11-05";
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly StorageSharedKeyCredential _key = connection.SharedKey ?? throw new InvalidOperationException("The floor needs a shared key.");

    public async Task TableInsertAsync(string table, string partitionKey, string rowKey)
    {
        var body = $"{{\"PartitionKey\":\"{partitionKey}\",\"RowKey\":\"{rowKey}\",\"Kind\":\"bench\",\"Count\":\"42\",\"Count@odata.type\":\"Edm.Int64\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{connection.TableEndpoint}/{table}")
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse("application/json")),
        };
        request.Headers.Add("Prefer", "return-no-content");
        request.Headers.Add("Accept", "application/json;odata=nometadata");
        await SendAsync(request, lite: true);
    }

    /// <summary>One batch insert; <paramref name="payloadBytes"/> adds a binary property of that size to the first row (a stored notice).</summary>
    public async Task TableBatchAsync(string table, string partitionKey, IReadOnlyList<string> rowKeys, int payloadBytes = 0, Func<int, bool>? payloadOn = null)
    {
        payloadOn ??= i => i == 0;
        var payload = payloadBytes == 0 ? string.Empty : $",\"Notice0\":\"{Convert.ToBase64String(new byte[payloadBytes])}\",\"Notice0@odata.type\":\"Edm.Binary\"";
        var batch = $"batch_{Guid.NewGuid()}";
        var changeset = $"changeset_{Guid.NewGuid()}";
        var sb = new StringBuilder().Append("--").Append(batch).Append("\r\nContent-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        for (var i = 0; i < rowKeys.Count; i++)
        {
            sb.Append("--").Append(changeset).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append("POST ").Append(connection.TableEndpoint).Append('/').Append(table).Append(" HTTP/1.1\r\n")
                .Append("Content-Type: application/json\r\nAccept: application/json;odata=nometadata\r\nDataServiceVersion: 3.0\r\nPrefer: return-no-content\r\nContent-ID: ")
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n")
                .Append("{\"PartitionKey\":\"").Append(partitionKey).Append("\",\"RowKey\":\"").Append(rowKeys[i])
                .Append("\",\"Kind\":\"bench\",\"Count\":\"42\",\"Count@odata.type\":\"Edm.Int64\"").Append(payloadOn(i) ? payload : string.Empty).Append("}\r\n");
        }

        sb.Append("--").Append(changeset).Append("--\r\n--").Append(batch).Append("--\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{connection.TableEndpoint}/$batch")
        {
            Content = new StringContent(sb.ToString(), Encoding.UTF8, MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={batch}")),
        };
        request.Headers.Add("Accept", "application/json;odata=nometadata");
        using var response = await SendAsync(request, lite: true);
        var text = await response.Content.ReadAsStringAsync();
        if (!text.Contains("204 No Content", StringComparison.Ordinal) && !text.Contains("201 Created", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Floor batch failed: {text[..Math.Min(300, text.Length)]}");
        }
    }

    public async Task QueueSendAsync(string queue, string text)
    {
        var body = $"<QueueMessage><MessageText>{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}</MessageText></QueueMessage>";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{connection.QueueEndpoint}/{queue}/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse("application/xml")),
        };
        using var _ = await SendAsync(request, lite: false);
    }

    /// <summary>Receives one message and deletes it; returns 1 when there was one.</summary>
    public async Task<int> QueueReceiveDeleteAsync(string queue)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{connection.QueueEndpoint}/{queue}/messages?numofmessages=1&visibilitytimeout=30");
        using var response = await SendAsync(get, lite: false);
        var xml = await response.Content.ReadAsStringAsync();
        var id = Between(xml, "<MessageId>", "</MessageId>");
        if (id is null)
        {
            return 0;
        }

        var receipt = Between(xml, "<PopReceipt>", "</PopReceipt>")!;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{connection.QueueEndpoint}/{queue}/messages/{id}?popreceipt={Uri.EscapeDataString(receipt)}");
        using var _ = await SendAsync(delete, lite: false);
        return 1;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool lite)
    {
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", Version);
        var stringToSign = lite ? LiteStringToSign(request, date) : SharedKeyStringToSign(request, date);
        request.Headers.Authorization = new AuthenticationHeaderValue(lite ? "SharedKeyLite" : "SharedKey", $"{_key.AccountName}:{_key.ComputeSignature(stringToSign)}");
        var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Floor request {request.Method} {request.RequestUri} failed: {(int)response.StatusCode}");
        }

        return response;
    }

    private string LiteStringToSign(HttpRequestMessage request, string date) =>
        $"{date}\n/{_key.AccountName}{request.RequestUri!.AbsolutePath}";

    // Only what these four requests carry: a body length and type, x-ms-date/version, and the
    // popreceipt / numofmessages / visibilitytimeout query parameters.
    private string SharedKeyStringToSign(HttpRequestMessage request, string date)
    {
        var length = request.Content?.Headers.ContentLength is long l and > 0 ? l.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var type = request.Content?.Headers.ContentType?.ToString() ?? string.Empty;
        var uri = request.RequestUri!;
        var query = string.Concat(uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).OrderBy(p => p[0], StringComparer.Ordinal)
            .Select(p => $"\n{p[0]}:{Uri.UnescapeDataString(p[1])}"));
        return $"{request.Method.Method}\n\n\n{length}\n\n{type}\n\n\n\n\n\n\nx-ms-date:{date}\nx-ms-version:{Version}\n/{_key.AccountName}{uri.AbsolutePath}{query}";
    }

    private static string? Between(string text, string start, string end)
    {
        var i = text.IndexOf(start, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        i += start.Length;
        return text[i..text.IndexOf(end, i, StringComparison.Ordinal)];
    }
}
