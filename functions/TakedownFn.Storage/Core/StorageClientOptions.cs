using Azure.Core;

namespace TakedownFn.Storage.Core;

/// <summary>
/// Options for the storage clients. Retries come from <see cref="ClientOptions.Retry"/>: Azure.Core
/// retries 408, 429, 500, 502, 503 and 504 and network failures with exponential back-off and jitter.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(400);
        Retry.MaxDelay = TimeSpan.FromSeconds(15);
        // Per try: Storage answers well within this, so a hung connection is abandoned and retried.
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "TakedownFn";
    }

    /// <summary>The clock used to stamp <c>x-ms-date</c>; tests may move it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
