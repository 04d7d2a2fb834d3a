using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;
using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Tests.Tables;

/// <summary>
/// Paging against canned answers: Azure may end a page early (5 s, partition boundary) with no rows
/// and still continue, which Azurite never does.
/// </summary>
public class TableQueryPagingTests
{
    private static readonly StorageConnection Connection = StorageConnection.ForAzurite(tablePort: 1);

    [Fact]
    public async Task Query_EmptyPageThatContinues_KeepsReadingAndSendsTheContinuationBack()
    {
        var handler = new CannedPages(
            ("[]", "1!8!cDE-", "1!8!cjE-"),
            ("""[{"PartitionKey":"p1","RowKey":"r1"}]""", "1!8!cDI-", null),
            ("""[{"PartitionKey":"p2","RowKey":"r2"}]""", null, null));
        var table = Client(handler);

        var rows = await table.QueryAsync(TableFilter.Of($"RowKey ge {"r"}"), maxPerPage: 5).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["r1", "r2"], rows);
        Assert.Equal(3, handler.Requests.Count);
        Assert.DoesNotContain("NextPartitionKey", handler.Requests[0], StringComparison.Ordinal);
        Assert.Contains("NextPartitionKey=1%218%21cDE-&NextRowKey=1%218%21cjE-", handler.Requests[1], StringComparison.Ordinal);
        Assert.Contains("NextPartitionKey=1%218%21cDI-", handler.Requests[2], StringComparison.Ordinal);
        Assert.DoesNotContain("NextRowKey", handler.Requests[2], StringComparison.Ordinal);
        Assert.All(handler.Requests, r => Assert.Contains("$top=5", r, StringComparison.Ordinal));
        Assert.All(handler.Requests, r => Assert.Contains("$filter=RowKey%20ge%20%27r%27", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryPage_EmptyPageThatContinues_ReturnsNoRowsAndAToken()
    {
        var handler = new CannedPages(("[]", "1!8!cDE-", "1!8!cjE-"), ("""[{"PartitionKey":"p1","RowKey":"r1"}]""", null, null));
        var table = Client(handler);

        var first = await table.QueryPageAsync();
        var second = await table.QueryPageAsync(continuationToken: first.ContinuationToken);

        Assert.Empty(first.Values);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal("r1", Assert.Single(second.Values).RowKey);
        Assert.Null(second.ContinuationToken);
        Assert.Contains("NextPartitionKey=1%218%21cDE-&NextRowKey=1%218%21cjE-", handler.Requests[1], StringComparison.Ordinal);
    }

    private static TableClient Client(CannedPages handler) =>
        new(Connection, "cases", new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });

    private sealed class CannedPages(params (string Rows, string? NextPartition, string? NextRow)[] pages) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (rows, nextPartition, nextRow) = pages[Requests.Count];
            Requests.Add(request.RequestUri!.PathAndQuery);
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"odata.metadata":"x","value":{{rows}}}""", Encoding.UTF8, "application/json"),
            };
            if (nextPartition is not null)
            {
                response.Headers.Add("x-ms-continuation-NextPartitionKey", nextPartition);
            }

            if (nextRow is not null)
            {
                response.Headers.Add("x-ms-continuation-NextRowKey", nextRow);
            }

            return Task.FromResult(response);
        }
    }
}
