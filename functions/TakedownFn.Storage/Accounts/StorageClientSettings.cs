using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TakedownFn.Storage.Accounts;

/// <summary>
/// What every storage client the app creates shares: the retry policy and any extra per-call
/// pipeline policies (e.g. a <see cref="StorageOperationCounter"/>). Service versions are the
/// SDKs' defaults. Queue messages are base64, as the Functions host reads and writes them.
/// </summary>
public sealed class StorageClientSettings
{
    /// <summary>Policies added to every client's pipeline per call (once per operation, retries not included).</summary>
    public IList<HttpPipelinePolicy> PerCallPolicies { get; } = [];

    /// <summary>Retries after the first try; the SDKs retry 408, 429, 500, 502, 503, 504 and network failures.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Per try: Storage answers well within this, so a hung connection is abandoned and retried.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The HTTP transport; null: the SDKs' shared default. Tests set one that trusts their emulator's certificate.</summary>
    public HttpPipelineTransport? Transport { get; set; }

    /// <summary>These settings for a quick reachability probe: one retry, a short timeout, the same transport.</summary>
    public StorageClientSettings ForProbe() => new() { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5), Transport = Transport };

    public TableClientOptions TableOptions() => Apply(new TableClientOptions());

    public QueueClientOptions QueueOptions() => Apply(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public BlobClientOptions BlobOptions() => Apply(new BlobClientOptions());

    private T Apply<T>(T options)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(15);
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.ApplicationId = "TakedownFn";
        if (Transport is not null)
        {
            options.Transport = Transport;
        }

        foreach (var policy in PerCallPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        return options;
    }
}
