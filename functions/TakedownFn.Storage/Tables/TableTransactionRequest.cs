using System.Globalization;
using System.Text.Json;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// The <c>POST /$batch</c> body: multipart/mixed holding one changeset, one <c>application/http</c>
/// part per action, numbered by <c>Content-ID</c> 1…n
/// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
/// Each JSON body is written on one line, which Azurite's batch parser relies on.
/// </summary>
internal static class TableTransactionRequest
{
    public static string ContentType(string batchBoundary) => $"multipart/mixed; boundary={batchBoundary}";

    public static void Write(PooledBufferWriter body, string batchBoundary, string changesetBoundary, string tableUrl, IReadOnlyList<TableTransactionAction> actions)
    {
        body.Write($"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        using var json = new Utf8JsonWriter(body, TableEntityJson.WriterOptions);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            var (method, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", true),
                TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge => ("MERGE", true),
                TableTransactionActionType.UpsertReplace or TableTransactionActionType.UpdateReplace => ("PUT", true),
                _ => ("DELETE", false),
            };

            body.Write($"--{changesetBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Write(method);
            body.Write(" ");
            body.Write(tableUrl);
            if (action.ActionType != TableTransactionActionType.Add)
            {
                body.Write($"(PartitionKey='{EscapeKey(entity.PartitionKey)}',RowKey='{EscapeKey(entity.RowKey)}')");
            }

            body.Write(" HTTP/1.1\r\nContent-ID: ");
            body.Write((i + 1).ToString(CultureInfo.InvariantCulture));
            body.Write("\r\nAccept: application/json;odata=nometadata\r\nDataServiceVersion: 3.0\r\n");
            if (action.IfMatch is { } ifMatch)
            {
                body.Write($"If-Match: {ifMatch}\r\n");
            }

            if (action.ActionType == TableTransactionActionType.Add)
            {
                body.Write("Prefer: return-no-content\r\n");
            }

            if (hasBody)
            {
                body.Write("Content-Type: application/json\r\n\r\n");
                json.Reset(body);
                TableEntityJson.Write(json, entity);
                json.Flush();
                body.Write("\r\n");
            }
            else
            {
                // The blank line that ends the headers, then the CRLF that belongs to the next delimiter.
                body.Write("\r\n\r\n");
            }
        }

        body.Write($"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
