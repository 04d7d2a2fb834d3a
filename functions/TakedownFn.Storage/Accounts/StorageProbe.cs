using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TakedownFn.Storage.Accounts;

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
/// cheap read each, one retry and a short timeout, for health endpoints.
/// </summary>
public sealed class StorageProbe
{
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient _blobs;

    public StorageProbe(StorageAccount account, StorageClientSettings? clientSettings = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var settings = (clientSettings ?? new StorageClientSettings()).ForProbe();
        _tables = account.CreateTableServiceClient(settings);
        _queues = account.CreateQueueServiceClient(settings);
        _blobs = account.CreateBlobServiceClient(settings);
    }

    public async Task<StorageProbeResult> CheckAsync(StorageService service, string resource, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var status = await ReadAsync(service, resource, cancellationToken);
            return new(service, resource, Reachable: true, Exists: true, status, ErrorCode: null, clock.Elapsed);
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return new(service, resource, Reachable: e.Status == 404, Exists: false, e.Status, e.ErrorCode, clock.Elapsed);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            // Transport failures come as RequestFailedException with status 0, and exhausted
            // retries of them as an AggregateException of those.
            var cause = (e as AggregateException)?.InnerExceptions[^1] ?? e;
            return new(service, resource, Reachable: false, Exists: false, Status: null, (cause.InnerException ?? cause).GetType().Name, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(service, resource, Reachable: false, Exists: false, Status: null, "Timeout", clock.Elapsed);
        }
    }

    private async Task<int> ReadAsync(StorageService service, string resource, CancellationToken cancellationToken)
    {
        switch (service)
        {
            case StorageService.Queue:
                return (await _queues.GetQueueClient(resource).GetPropertiesAsync(cancellationToken)).GetRawResponse().Status;
            case StorageService.Table:
                var query = _tables.GetTableClient(resource).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken);
                await foreach (var page in query.AsPages(pageSizeHint: 1))
                {
                    return page.GetRawResponse().Status;
                }

                return 200;
            default:
                return (await _blobs.GetBlobContainerClient(resource).GetPropertiesAsync(cancellationToken: cancellationToken)).GetRawResponse().Status;
        }
    }
}
