using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// A client for one Azure Table (or Azurite) table over the REST API, shaped like
/// <c>Azure.Data.Tables.TableClient</c>. Our own arguments (keys, sizes, transaction shape) are
/// checked before sending; everything else is left to the service, whose refusals surface as
/// <see cref="StorageRequestFailedException"/> with the status and error code.
/// </summary>
public sealed partial class TableClient : ITableClient
{
    private const string Json = "application/json";
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private const string NoMetadata = "application/json;odata=nometadata";

    private static readonly RequestMethod Merge = new("MERGE");

    private readonly HttpPipeline _pipeline;
    private readonly Uri _tableUri;
    private readonly Uri _tablesUri;
    private readonly Uri _tableResourceUri;
    private readonly Uri _batchUri;

    /// <param name="connection">The account, its table endpoint and credential.</param>
    /// <param name="tableName">3–63 letters and digits, starting with a letter.</param>
    /// <param name="options">Retries, diagnostics and clock; defaults when null.</param>
    public TableClient(StorageConnection connection, string tableName, StorageClientOptions? options = null)
        : this(connection, tableName, StoragePipeline.Create(connection ?? throw new ArgumentNullException(nameof(connection)), StorageService.Table, options))
    {
    }

    internal TableClient(StorageConnection connection, string tableName, HttpPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName) || tableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("A table name is 3–63 letters and digits starting with a letter, and not 'tables'.", nameof(tableName));
        }

        Name = tableName;
        _pipeline = pipeline;
        var root = connection.EndpointFor(StorageService.Table).AbsoluteUri.TrimEnd('/');
        _tableUri = new Uri($"{root}/{tableName}");
        _tablesUri = new Uri($"{root}/Tables");
        _tableResourceUri = new Uri($"{root}/Tables('{tableName}')");
        _batchUri = new Uri($"{root}/$batch");
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The table's address.</summary>
    public Uri Uri => _tableUri;

    private HttpMessage CreateMessage(RequestMethod method, Uri uri, string accept)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(uri);
        request.Headers.Add("Accept", accept);
        request.Headers.Add("DataServiceVersion", "3.0");
        return message;
    }

    private HttpMessage CreateEntityMessage(RequestMethod method, string partitionKey, string rowKey, string accept)
    {
        var message = CreateMessage(method, _tableUri, accept);
        message.Request.Uri.AppendPath(EntityPath(partitionKey, rowKey), escape: false);
        return message;
    }

    /// <summary><c>(PartitionKey='…',RowKey='…')</c>: quotes doubled (OData), then percent-encoded.</summary>
    private static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static void SetJsonContent(Request request, PooledBufferWriter body)
    {
        request.Headers.Add("Content-Type", Json);
        request.Content = RequestContent.Create(body.WrittenMemory);
    }

    private static PooledBufferWriter Serialize(TableEntity entity)
    {
        var body = new PooledBufferWriter(512);
        using var writer = new Utf8JsonWriter(body, TableEntityJson.WriterOptions);
        TableEntityJson.Write(writer, entity);
        writer.Flush();
        return body;
    }

    private static ETag ETagOf(Response response) => response.Headers.ETag ?? default;

    private static void SetIfMatch(Request request, ETag ifMatch) =>
        request.Headers.Add("If-Match", ifMatch.ToString());

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
