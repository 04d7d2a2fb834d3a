using System.Globalization;
using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakedownFn.Storage.Core;

/// <summary>
/// Signs each try with SharedKey (Queue, Blob) or SharedKeyLite (Table), as
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key describes.
/// It runs per retry because every try carries a fresh <c>x-ms-date</c>.
/// </summary>
internal sealed class SharedKeyAuthenticationPolicy(StorageSharedKeyCredential credential, bool lite, TimeProvider? timeProvider = null)
    : HttpPipelineSynchronousPolicy
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var stringToSign = lite
            ? BuildSharedKeyLiteStringToSign(credential.AccountName, date, request.Uri.ToUri())
            : BuildSharedKeyStringToSign(credential.AccountName, request);
        var scheme = lite ? "SharedKeyLite" : "SharedKey";
        request.Headers.SetValue("Authorization", $"{scheme} {credential.AccountName}:{credential.ComputeSignature(stringToSign)}");
    }

    /// <summary>Table SharedKeyLite: <c>{x-ms-date}\n/{account}{path}[?comp=…]</c>.</summary>
    internal static string BuildSharedKeyLiteStringToSign(string accountName, string date, Uri uri)
    {
        var resource = $"/{accountName}{uri.AbsolutePath}";
        var comp = QueryParameters(uri).FirstOrDefault(p => p.Key == "comp");
        return comp.Key is null ? $"{date}\n{resource}" : $"{date}\n{resource}?comp={comp.Value}";
    }

    internal static string BuildSharedKeyStringToSign(string accountName, Request request)
    {
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        string Header(string name) => request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

        var sb = new StringBuilder();
        sb.Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(Header("Content-Encoding")).Append('\n')
            .Append(Header("Content-Language")).Append('\n')
            .Append(contentLength).Append('\n')
            .Append(Header("Content-MD5")).Append('\n')
            .Append(Header("Content-Type")).Append('\n')
            .Append('\n') // Date: empty because x-ms-date is sent.
            .Append(Header("If-Modified-Since")).Append('\n')
            .Append(Header("If-Match")).Append('\n')
            .Append(Header("If-None-Match")).Append('\n')
            .Append(Header("If-Unmodified-Since")).Append('\n')
            .Append(Header("Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in QueryParameters(uri)
                     .GroupBy(p => p.Key)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    /// <summary>Query parameters with lower-case names and decoded values.</summary>
    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            yield return new(WebUtility.UrlDecode(name).ToLowerInvariant(), WebUtility.UrlDecode(value));
        }
    }
}
