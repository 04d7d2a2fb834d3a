using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakedownFn.Storage.Core;

/// <summary>The one place where a storage answer becomes a result or a <see cref="StorageRequestFailedException"/>.</summary>
internal static class HttpPipelineExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> and returns its response, or throws
    /// <see cref="StorageRequestFailedException"/> naming <paramref name="operation"/> when the
    /// service answered with an error status (after Azure.Core's retries).
    /// </summary>
    public static async Task<Response> SendCheckedAsync(this HttpPipeline pipeline, HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.IsError ? throw StorageRequestFailedException.FromResponse(response, operation) : response;
    }
}
