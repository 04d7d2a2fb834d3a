using Azure.Core;
using Azure.Core.Pipeline;

namespace TakedownFn.Storage.Core;

/// <summary>Builds the Azure.Core pipeline every storage client sends through.</summary>
internal static class StoragePipeline
{
    /// <summary>The Entra ID scope for Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Create(StorageConnection connection, StorageService service, StorageClientOptions? options = null)
    {
        options ??= new StorageClientOptions();
        HttpPipelinePolicy auth = connection.SharedKey is { } key
            ? new SharedKeyAuthenticationPolicy(key, lite: service == StorageService.Table, options.TimeProvider)
            : new BearerTokenAuthenticationPolicy(connection.TokenCredential!, StorageScope);
        return HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [new StorageVersionPolicy()],
            perRetryPolicies: [auth],
            new ResponseClassifier());
    }
}
