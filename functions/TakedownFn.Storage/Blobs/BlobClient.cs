using Azure.Core;
using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Blobs;

/// <summary>
/// One blob over the Blob REST API (https://learn.microsoft.com/rest/api/storageservices/blob-service-rest-api),
/// shaped like <c>Azure.Storage.Blobs.BlobClient</c> but kept to what TakedownFn uses: single-PUT block
/// blobs with Content-MD5, append blobs, leases and ETag conditions. Service errors surface as
/// <see cref="StorageRequestFailedException"/> with the service's error code.
/// </summary>
public sealed partial class BlobClient : IBlobClient
{
    private readonly HttpPipeline _pipeline;

    /// <param name="connection">The account: endpoints and shared key or token credential.</param>
    /// <param name="containerName">The container; the service checks its naming rules.</param>
    /// <param name="blobName">The blob; <c>/</c> separates virtual folders and is kept, other characters are escaped.</param>
    /// <param name="options">Retries, transport and clock; defaults when null.</param>
    public BlobClient(StorageConnection connection, string containerName, string blobName, StorageClientOptions? options = null)
        : this(
            StoragePipeline.Create(connection ?? throw new ArgumentNullException(nameof(connection)), StorageService.Blob, options),
            BlobContainerClient.ContainerUri(connection.BlobEndpoint, containerName),
            blobName)
    {
    }

    internal BlobClient(HttpPipeline pipeline, Uri containerUri, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        _pipeline = pipeline;
        Name = blobName;
        var escaped = string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
        Uri = new Uri($"{containerUri.AbsoluteUri}/{escaped}");
    }

    public string Name { get; }

    public Uri Uri { get; }

    /// <summary>Size, type, ETag, stored MD5 and lease state; 404 <c>BlobNotFound</c> when there is none.</summary>
    public async Task<BlobProperties> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Head, conditions);
        var response = await _pipeline.SendCheckedAsync(message, $"Get properties of blob '{Name}'", cancellationToken);
        return new BlobProperties(
            BlobHeaders.LongOf(response, "Content-Length") ?? 0,
            BlobHeaders.Value(response, "x-ms-blob-type") ?? string.Empty,
            BlobHeaders.ETagOf(response),
            BlobHeaders.LastModifiedOf(response) ?? default,
            BlobHeaders.ContentMd5Of(response),
            BlobHeaders.Value(response, "x-ms-lease-state"),
            BlobHeaders.Value(response, "x-ms-lease-status"),
            (int?)BlobHeaders.LongOf(response, "x-ms-blob-committed-block-count"));
    }

    /// <summary>True when the blob exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Head, null);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return !response.IsError || (response.Status == 404 ? false : throw StorageRequestFailedException.FromResponse(response, $"Check blob '{Name}'"));
    }

    /// <summary>Deletes the blob; false when there was none. A leased blob needs <see cref="BlobRequestConditions.LeaseId"/>.</summary>
    public async Task<bool> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, conditions);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (!response.IsError)
        {
            return true;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Delete blob '{Name}'");
        return error.Status == 404 ? false : throw error;
    }

    private HttpMessage CreateMessage(RequestMethod method, BlobRequestConditions? conditions, string? comp = null)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(Uri);
        if (comp is not null)
        {
            message.Request.Uri.AppendQuery("comp", comp, escapeValue: false);
        }

        BlobHeaders.Apply(message.Request, conditions);
        return message;
    }
}
