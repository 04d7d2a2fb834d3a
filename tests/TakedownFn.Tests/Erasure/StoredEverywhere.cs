using System.Text;
using Azure.Data.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Erasure;

/// <summary>
/// Everything a deployment (one storage prefix) holds, as text to search: every row and property of
/// every table, every message of every queue (poison queues included, base64 bodies decoded), every blob.
/// </summary>
internal static class StoredEverywhere
{
    public static async Task<List<(string Where, string Text)>> ReadAsync(AzuriteServer azurite, string prefix)
    {
        var found = new List<(string, string)>();
        var tables = azurite.Account.CreateTableServiceClient();
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var text = string.Join(" ", row.Select(p => p.Key + "=" + p.Value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes) + " " + Convert.ToBase64String(bytes),
                    BinaryData data => data.ToString(),
                    _ => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture),
                }));
                found.Add(($"table {table.Name} {row.RowKey}", row.RowKey + " " + text));
            }
        }

        var queues = azurite.Account.CreateQueueServiceClient();
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
        {
            foreach (var m in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                var text = m.Body.ToString();
                found.Add(($"queue {queue.Name}", text + " " + TryBase64(text)));
            }
        }

        var blobs = azurite.Account.CreateBlobServiceClient();
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                found.Add(($"blob {container.Name}/{blob.Name}", blob.Name + " " + content.Value.Content));
            }
        }

        return found;
    }

    /// <summary>A value as it could be written: as is, JSON-escaped, base64 and hex of its UTF-8.</summary>
    public static IEnumerable<string> Forms(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return new[] { value, System.Text.Json.JsonSerializer.Serialize(value)[1..^1], Convert.ToBase64String(bytes), Convert.ToHexString(bytes), Convert.ToHexStringLower(bytes) }.Distinct();
    }

    private static string TryBase64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
