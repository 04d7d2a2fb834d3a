using System.Text.Json;
using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>Creates the table unless it exists.</summary>
    /// <returns>True when this call created it; false when it already existed (409 TableAlreadyExists).</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var body = new PooledBufferWriter(128);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName"u8, Name);
            writer.WriteEndObject();
        }

        using var message = CreateMessage(RequestMethod.Post, _tablesUri, NoMetadata);
        message.Request.Headers.Add("Prefer", "return-no-content");
        SetJsonContent(message.Request, body);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (!response.IsError)
        {
            return true;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Create table {Name}");
        return response.Status == 409 && error.ErrorCode == "TableAlreadyExists" ? false : throw error;
    }

    /// <summary>Deletes the table and its entities.</summary>
    /// <returns>True when it was deleted; false when it did not exist (404).</returns>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, _tableResourceUri, NoMetadata);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.Status == 404
            ? false
            : response.IsError ? throw StorageRequestFailedException.FromResponse(response, $"Delete table {Name}") : true;
    }
}
