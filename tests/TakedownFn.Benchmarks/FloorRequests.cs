using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using TakedownFn.Storage.Accounts;

namespace TakedownFn.Benchmarks;

/// <summary>
/// The floor: the same REST calls the official SDK clients make, sent by a bare <see cref="HttpClient"/>
/// loop with the minimum of work (fixed strings, one signature per request, no pipeline, no retries).
/// </summary>
internal sealed class FloorRequests
{
    // The service versions the SDKs send by default: Azure.Data.Tables 12.13.0 and Azure.Storage.Queues 12.28.1.
    private const string TableVersion = "2020-12-06";
    private const string QueueVersion = "2026-10-06";
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly string _accountName;
    private readonly byte[] _accountKey;
    private readonly string _tableEndpoint;
    private readonly string _queueEndpoint;

    public FloorRequests(StorageAccount account)
    {
        // The floor signs its own requests, so it needs the (Azurite) account key from the connection string.
        var parts = account.ToConnectionString().Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        _accountName = parts["AccountName"];
        _accountKey = Convert.FromBase64String(parts["AccountKey"]);
        _tableEndpoint = account.TableServiceUri.AbsoluteUri.TrimEnd('/');
        _queueEndpoint = account.QueueServiceUri.AbsoluteUri.TrimEnd('/');
    }

    public async Task TableInsertAsync(string table, string partitionKey, string rowKey)
    {
        var body = $"{{\"PartitionKey\":\"{partitionKey}\",\"RowKey\":\"{rowKey}\",\"Kind\":\"bench\",\"Count\":\"42\",\"Count@odata.type\":\"Edm.Int64\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_tableEndpoint}/{table}")
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
                .Append("POST ").Append(_tableEndpoint).Append('/').Append(table).Append(" HTTP/1.1\r\n")
                .Append("Content-Type: application/json\r\nAccept: application/json;odata=nometadata\r\nDataServiceVersion: 3.0\r\nPrefer: return-no-content\r\nContent-ID: ")
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n")
                .Append("{\"PartitionKey\":\"").Append(partitionKey).Append("\",\"RowKey\":\"").Append(rowKeys[i])
                .Append("\",\"Kind\":\"bench\",\"Count\":\"42\",\"Count@odata.type\":\"Edm.Int64\"").Append(payloadOn(i) ? payload : string.Empty).Append("}\r\n");
        }

        sb.Append("--").Append(changeset).Append("--\r\n--").Append(batch).Append("--\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_tableEndpoint}/$batch")
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

    /// <summary>One point read of an entity (GET table(PartitionKey,RowKey)); the row must exist.</summary>
    public async Task TableGetAsync(string table, string partitionKey, string rowKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_tableEndpoint}/{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')");
        request.Headers.Add("Accept", "application/json;odata=nometadata");
        using var response = await SendAsync(request, lite: true);
        await response.Content.ReadAsByteArrayAsync();
    }

    public async Task QueueSendAsync(string queue, string text)
    {
        var body = $"<QueueMessage><MessageText>{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}</MessageText></QueueMessage>";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_queueEndpoint}/{queue}/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse("application/xml")),
        };
        using var _ = await SendAsync(request, lite: false);
    }

    /// <summary>Receives one message and deletes it; returns 1 when there was one.</summary>
    public async Task<int> QueueReceiveDeleteAsync(string queue)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{_queueEndpoint}/{queue}/messages?numofmessages=1&visibilitytimeout=30");
        using var response = await SendAsync(get, lite: false);
        var xml = await response.Content.ReadAsStringAsync();
        var id = Between(xml, "<MessageId>", "</MessageId>");
        if (id is null)
        {
            return 0;
        }

        var receipt = Between(xml, "<PopReceipt>", "</PopReceipt>")!;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{_queueEndpoint}/{queue}/messages/{id}?popreceipt={Uri.EscapeDataString(receipt)}");
        using var _ = await SendAsync(delete, lite: false);
        return 1;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool lite)
    {
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.Add("x-ms-date", date);
        var version = lite ? TableVersion : QueueVersion;
        request.Headers.Add("x-ms-version", version);
        var stringToSign = lite ? LiteStringToSign(request, date) : SharedKeyStringToSign(request, date, version);
        request.Headers.Authorization = new AuthenticationHeaderValue(lite ? "SharedKeyLite" : "SharedKey", $"{_accountName}:{Convert.ToBase64String(HMACSHA256.HashData(_accountKey, Encoding.UTF8.GetBytes(stringToSign)))}");
        var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Floor request {request.Method} {request.RequestUri} failed: {(int)response.StatusCode}");
        }

        return response;
    }

    private string LiteStringToSign(HttpRequestMessage request, string date) =>
        $"{date}\n/{_accountName}{request.RequestUri!.AbsolutePath}";

    // Only what these four requests carry: a body length and type, x-ms-date/version, and the
    // popreceipt / numofmessages / visibilitytimeout query parameters.
    private string SharedKeyStringToSign(HttpRequestMessage request, string date, string version)
    {
        var length = request.Content?.Headers.ContentLength is long l and > 0 ? l.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var type = request.Content?.Headers.ContentType?.ToString() ?? string.Empty;
        var uri = request.RequestUri!;
        var query = string.Concat(uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).OrderBy(p => p[0], StringComparer.Ordinal)
            .Select(p => $"\n{p[0]}:{Uri.UnescapeDataString(p[1])}"));
        return $"{request.Method.Method}\n\n\n{length}\n\n{type}\n\n\n\n\n\n\nx-ms-date:{date}\nx-ms-version:{version}\n/{_accountName}{uri.AbsolutePath}{query}";
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
