using Azure.Core;
using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Blobs;

/// <summary>
/// One blob container, shaped like <c>Azure.Storage.Blobs.BlobContainerClient</c>: create, delete, and
/// <see cref="GetBlobClient"/> for blobs in it, which share this client's pipeline.
/// </summary>
public sealed class BlobContainerClient
{
    private readonly HttpPipeline _pipeline;

    /// <param name="connection">The account: endpoints and shared key or token credential.</param>
    /// <param name="containerName">The container; the service checks its naming rules.</param>
    /// <param name="options">Retries, transport and clock; defaults when null.</param>
    public BlobContainerClient(StorageConnection connection, string containerName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _pipeline = StoragePipeline.Create(connection, StorageService.Blob, options);
        Name = containerName;
        Uri = ContainerUri(connection.BlobEndpoint, containerName);
    }

    public string Name { get; }

    public Uri Uri { get; }

    /// <summary>Creates the container (private access); false when it already exists.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (!response.IsError)
        {
            return true;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Create container '{Name}'");
        return error.Status == 409 && error.ErrorCode == "ContainerAlreadyExists" ? false : throw error;
    }

    /// <summary>Deletes the container and its blobs; false when there was none.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (!response.IsError)
        {
            return true;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Delete container '{Name}'");
        return error.Status == 404 ? false : throw error;
    }

    /// <summary>A client for one blob in this container, on this container's pipeline.</summary>
    public BlobClient GetBlobClient(string blobName) => new(_pipeline, Uri, blobName);

    internal static Uri ContainerUri(Uri blobEndpoint, string containerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        if (containerName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A container name cannot contain '/'.", nameof(containerName));
        }

        return new Uri($"{blobEndpoint.AbsoluteUri.TrimEnd('/')}/{containerName}");
    }

    private HttpMessage CreateMessage(RequestMethod method)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(Uri);
        message.Request.Uri.AppendQuery("restype", "container", escapeValue: false);
        return message;
    }
}
