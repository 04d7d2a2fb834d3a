using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakedownFn.Storage.Core;

/// <summary>What a probe of one storage resource found.</summary>
/// <param name="Service">The service probed.</param>
/// <param name="Resource">The queue, table or container name.</param>
/// <param name="Reachable">The service answered with a success or a 404.</param>
/// <param name="Exists">The resource is there.</param>
/// <param name="Status">The HTTP status, or null when nothing answered.</param>
/// <param name="ErrorCode">The Storage error code or the transport failure.</param>
/// <param name="Elapsed">How long the probe took.</param>
public sealed record StorageProbeResult(StorageService Service, string Resource, bool Reachable, bool Exists, int? Status, string? ErrorCode, TimeSpan Elapsed);

/// <summary>
/// Checks that a queue, table or container is reachable with the configured credentials, with one
/// cheap read each and a short timeout, for health endpoints.
/// </summary>
public sealed class StorageProbe
{
    private readonly StorageConnection _connection;
    private readonly Dictionary<StorageService, HttpPipeline> _pipelines;

    public StorageProbe(StorageConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        _pipelines = Enum.GetValues<StorageService>().ToDictionary(s => s, s => StoragePipeline.Create(connection, s, options));
    }

    public async Task<StorageProbeResult> CheckAsync(StorageService service, string resource, CancellationToken cancellationToken = default)
    {
        var pipeline = _pipelines[service];
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        var endpoint = _connection.EndpointFor(service).ToString().TrimEnd('/');
        message.Request.Uri.Reset(new Uri(service switch
        {
            StorageService.Queue => $"{endpoint}/{Uri.EscapeDataString(resource)}?comp=metadata",
            StorageService.Table => $"{endpoint}/{Uri.EscapeDataString(resource)}()?$top=1&$select=PartitionKey",
            _ => $"{endpoint}/{Uri.EscapeDataString(resource)}?restype=container",
        }));
        if (service == StorageService.Table)
        {
            message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
            var response = message.Response;
            var code = response.IsError ? StorageRequestFailedException.FromResponse(response, "probe").ErrorCode : null;
            return new(service, resource, Reachable: !response.IsError || response.Status == 404, Exists: !response.IsError, response.Status, code, clock.Elapsed);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            // Azure.Core reports transport failures as RequestFailedException, and exhausted
            // retries of them as an AggregateException of those.
            var cause = (e as AggregateException)?.InnerExceptions[^1] ?? e;
            return new(service, resource, Reachable: false, Exists: false, Status: null, (cause.InnerException ?? cause).GetType().Name, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(service, resource, Reachable: false, Exists: false, Status: null, "Timeout", clock.Elapsed);
        }
    }
}
