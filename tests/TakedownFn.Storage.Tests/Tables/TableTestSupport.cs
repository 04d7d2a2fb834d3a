using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Tables;
using TakedownFn.Testing;

namespace TakedownFn.Storage.Tests.Tables;

/// <summary>Fresh tables on the shared Azurite, and a count of the requests that reached the wire.</summary>
internal static class TableTestSupport
{
    public static async Task<TableClient> NewTableAsync(AzuriteFixture azurite, StorageClientOptions? options = null)
    {
        var table = new TableClient(azurite.Connection, AzuriteFixture.UniqueName("t"), options);
        Assert.True(await table.CreateIfNotExistsAsync());
        return table;
    }

    /// <summary>Options whose transport counts requests, so a test can prove nothing was sent.</summary>
    public static StorageClientOptions Counting(out RequestCounter counter)
    {
        counter = new RequestCounter { InnerHandler = new HttpClientHandler() };
#pragma warning disable CA2000 // The transport owns the client for the test's lifetime.
        return new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(counter)) };
#pragma warning restore CA2000
    }

    internal sealed class RequestCounter : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
