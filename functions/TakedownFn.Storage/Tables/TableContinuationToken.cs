using System.Buffers.Text;
using System.Text;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// The service's <c>NextPartitionKey</c>/<c>NextRowKey</c> pair as one opaque, URL-safe string:
/// base64url of the UTF-8 text <c>partition \n row</c>. The service values are themselves opaque and
/// never contain a line feed.
/// </summary>
internal sealed record TableContinuationToken(string PartitionKey, string? RowKey)
{
    public override string ToString()
    {
        var text = RowKey is null ? PartitionKey : $"{PartitionKey}\n{RowKey}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static TableContinuationToken? Parse(string? token, string paramName)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The continuation token was not issued by this client.", paramName, e);
        }

        var split = text.IndexOf('\n', StringComparison.Ordinal);
        var partition = split < 0 ? text : text[..split];
        if (partition.Length == 0)
        {
            throw new ArgumentException("The continuation token was not issued by this client.", paramName);
        }

        return new TableContinuationToken(partition, split < 0 ? null : text[(split + 1)..]);
    }
}
