using TakedownFn.Storage.Tables;

namespace TakedownFn.Storage.Tests.Tables;

public class TableTransactionResponseTests
{
    // The error sample of https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions:
    // no Content-ID, the index only in the message.
    private const string AzureFailure =
        "--batchresponse_7ab1c2d3\r\n" +
        "Content-Type: multipart/mixed; boundary=changesetresponse_9f8e7d6c\r\n" +
        "\r\n" +
        "--changesetresponse_9f8e7d6c\r\n" +
        "Content-Type: application/http\r\n" +
        "Content-Transfer-Encoding: binary\r\n" +
        "\r\n" +
        "HTTP/1.1 409 Conflict\r\n" +
        "X-Content-Type-Options: nosniff\r\n" +
        "Cache-Control: no-cache\r\n" +
        "DataServiceVersion: 3.0;\r\n" +
        "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n" +
        "\r\n" +
        "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:1e0b\\nTime:2026-01-02T03:04:05.0000000Z\"}}}\r\n" +
        "--changesetresponse_9f8e7d6c--\r\n" +
        "--batchresponse_7ab1c2d3--\r\n";

    private const string Success =
        "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n" +
        "--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nContent-ID: 1\r\nETag: W/\"datetime'2026-01-02T03%3A04%3A05.1Z'\"\r\n\r\n\r\n" +
        "--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nContent-ID: 2\r\n\r\n\r\n" +
        "--changesetresponse_1--\r\n--batchresponse_1--\r\n";

    [Fact]
    public void ReadFailure_AzureSample_TakesIndexFromMessagePrefix()
    {
        var responses = TableTransactionResponse.Parse(AzureFailure);
        var failure = TableTransactionResponse.ReadFailure(Assert.Single(responses), actionCount: 3);

        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.Equal(1, failure.Index);
        Assert.Equal("The specified entity already exists.", failure.Message);
    }

    [Fact]
    public void ReadFailure_NoPrefix_FallsBackToContentId()
    {
        var body = AzureFailure.Replace("\"1:The", "\"The", StringComparison.Ordinal)
            .Replace("HTTP/1.1 409 Conflict\r\n", "HTTP/1.1 409 Conflict\r\nContent-ID: 3\r\n", StringComparison.Ordinal);

        var failure = TableTransactionResponse.ReadFailure(Assert.Single(TableTransactionResponse.Parse(body)), actionCount: 3);

        Assert.Equal(2, failure.Index);
    }

    [Fact]
    public void ReadFailure_IndexOutOfRange_IsUnknown()
    {
        var failure = TableTransactionResponse.ReadFailure(Assert.Single(TableTransactionResponse.Parse(AzureFailure)), actionCount: 1);

        Assert.Null(failure.Index);
    }

    [Fact]
    public void Parse_Success_ReadsStatusContentIdAndETagOfEachPart()
    {
        var responses = TableTransactionResponse.Parse(Success);

        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal(204, r.Status));
        Assert.Equal([1, 2], responses.Select(r => r.ContentId ?? 0));
        Assert.Equal("W/\"datetime'2026-01-02T03%3A04%3A05.1Z'\"", responses[0].ETag);
        Assert.Null(responses[1].ETag);
    }
}
