using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Queues;

/// <summary>
/// One Azure Storage queue over the Queue REST API
/// (https://learn.microsoft.com/rest/api/storageservices/queue-service-rest-api), shaped like
/// <c>Azure.Storage.Queues.QueueClient</c> so the official SDK can replace it locally.
/// Message bodies are base64 on the wire, as the Functions queue trigger expects.
/// Service errors surface as <see cref="StorageRequestFailedException"/>; our own argument checks
/// as <see cref="ArgumentException"/> before anything is sent.
/// </summary>
public sealed partial class QueueClient : IQueueClient
{
    private readonly HttpPipeline _pipeline;
    private readonly Uri _messagesUri;

    /// <param name="connection">The account: endpoints and shared key or token credential.</param>
    /// <param name="queueName">The queue; the service checks its naming rules.</param>
    /// <param name="options">Retries, transport and clock; defaults when null.</param>
    public QueueClient(StorageConnection connection, string queueName, StorageClientOptions? options = null)
        : this(StoragePipeline.Create(connection ?? throw new ArgumentNullException(nameof(connection)), StorageService.Queue, options), connection.QueueEndpoint, queueName)
    {
    }

    internal QueueClient(HttpPipeline pipeline, Uri serviceEndpoint, string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        if (queueName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A queue name cannot contain '/'.", nameof(queueName));
        }

        _pipeline = pipeline;
        Name = queueName;
        Uri = new Uri($"{serviceEndpoint.AbsoluteUri.TrimEnd('/')}/{queueName}");
        _messagesUri = new Uri($"{Uri.AbsoluteUri}/messages");
    }

    public string Name { get; }

    public Uri Uri { get; }

    /// <summary>
    /// Creates the queue; false when it already exists. An existing queue with other metadata
    /// (409 <c>QueueAlreadyExists</c>) also counts as existing: its metadata is left as it is.
    /// </summary>
    public async Task<bool> CreateIfNotExistsAsync(IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, Uri);
        if (metadata is not null)
        {
            foreach (var (name, value) in metadata)
            {
                message.Request.Headers.SetValue($"x-ms-meta-{name}", value);
            }
        }

        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        switch (response.Status)
        {
            case 201:
                return true;
            case 204:
                return false;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Create queue '{Name}'");
        return error.Status == 409 && error.ErrorCode == "QueueAlreadyExists" ? false : throw error;
    }

    /// <summary>Deletes the queue and its messages; 404 <c>QueueNotFound</c> when there is none.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, Uri);
        await _pipeline.SendCheckedAsync(message, $"Delete queue '{Name}'", cancellationToken);
    }

    /// <summary>Deletes the queue; false when there was none.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, Uri);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (!response.IsError)
        {
            return true;
        }

        var error = StorageRequestFailedException.FromResponse(response, $"Delete queue '{Name}'");
        return error.Status == 404 ? false : throw error;
    }

    /// <summary>The approximate message count (<c>x-ms-approximate-messages-count</c>) and the metadata.</summary>
    public async Task<QueueProperties> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, Uri);
        message.Request.Uri.AppendQuery("comp", "metadata", escapeValue: false);
        var response = await _pipeline.SendCheckedAsync(message, $"Get properties of queue '{Name}'", cancellationToken);
        var count = 0;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.Equals("x-ms-approximate-messages-count", StringComparison.OrdinalIgnoreCase))
            {
                count = int.Parse(header.Value, NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        return new QueueProperties(count, metadata);
    }

    private HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }
}
