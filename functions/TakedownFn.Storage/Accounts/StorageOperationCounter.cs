using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakedownFn.Storage.Accounts;

/// <summary>
/// An Azure.Core pipeline policy that counts storage requests by method and the resource's first path segment (table, queue or
/// container; <c>$batch</c> for a table transaction), e.g. <c>POST timers</c>. Add it per call
/// (<see cref="StorageClientSettings.PerCallPolicies"/>, which calls <c>options.AddPolicy(counter, HttpPipelinePosition.PerCall)</c>) to count operations as the
/// service bills them, retries not included; for benchmarks and tests of storage costs.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Requests so far, by <c>{METHOD} {resource}</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>All requests so far.</summary>
    public long Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();

    public override void OnSendingRequest(HttpMessage message) =>
        _counts.AddOrUpdate(KeyOf(message.Request.Method, message.Request.Uri.ToUri()), 1, (_, n) => n + 1);

    /// <summary>The key a request counts under: method, and the table, queue or container.</summary>
    public static string KeyOf(RequestMethod method, Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Path-style endpoints (Azurite, IP addresses) start with the account name.
        var isPathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback;
        var resource = segments.Skip(isPathStyle ? 1 : 0).FirstOrDefault() ?? string.Empty;
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        return $"{method} {(paren >= 0 ? resource[..paren] : resource)}";
    }
}
