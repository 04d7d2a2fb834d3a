using Azure.Core;
using Azure.Core.Pipeline;

namespace TakedownFn.Storage.Core;

/// <summary>Pins the REST version on every request.</summary>
internal sealed class StorageVersionPolicy : HttpPipelineSynchronousPolicy
{
    /// <summary>A version both Azure and Azurite 3.37 accept (Azurite rejects versions it does not know).</summary>
    public const string Version = "2025-11-05";

    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-version", Version);
}
