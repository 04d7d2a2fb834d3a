using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// Holds answers to the OpenAPI document: the operation must be documented, the status among its
/// responses, the media type among that response's content, and a JSON body valid against that
/// content's schema (objects closed, so an undocumented field fails too). Each failure names the
/// route, status, media type and the JSON path that broke the schema.
/// </summary>
internal sealed class DocumentResponses(JsonNode document)
{
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Every <c>METHOD template status</c> answered so far.</summary>
    public ConcurrentDictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    public JsonNode Document => document;

    /// <summary>Checks one answer; null when it conforms, otherwise why not.</summary>
    public string? Check(string method, string path, int status, string? mediaType, ReadOnlySpan<byte> body)
    {
        if (Find(method, path) is not ({ } template, { } operation))
        {
            return $"{method} {path}: not in the document";
        }

        var where = $"{method} {template} → {status}";
        Seen.AddOrUpdate($"{method} {template} {status}", 1, (_, n) => n + 1);
        if (operation["responses"]?[$"{status}"] is not JsonObject response)
        {
            return $"{where}: the status is not documented";
        }

        if (response["content"] is not JsonObject content || content.Count == 0)
        {
            return body.Length == 0 ? null : $"{where}: a body was sent, none is documented";
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return $"{where}: media type {mediaType ?? "(none)"} is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})";
        }

        if (!(mediaType.EndsWith("/json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal)))
        {
            return null;
        }

        var schemaNode = media["schema"];
        if (schemaNode is null)
        {
            return $"{where} {mediaType}: no schema";
        }

        var schema = _schemas.GetOrAdd($"{where} {mediaType}", _ => DocumentSchemas.Strict(document, schemaNode));
        using var json = JsonDocument.Parse(body.ToArray());
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? null
            : $"{where} {mediaType}: " + DocumentSchemas.Describe(result);
    }

    /// <summary>The documented operation whose path template matches <paramref name="path"/>, preferring a literal segment to a parameter.</summary>
    public (string? Template, JsonNode? Operation) Find(string method, string path)
    {
        var matches = document["paths"]!.AsObject()
            .Where(p => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^/]+?\}", "[^/]+") + "$") && p.Value![method.ToLowerInvariant()] is not null)
            .OrderBy(p => p.Key.Count(c => c == '{'))
            .ToList();
        return matches.Count == 0 ? (null, null) : (matches[0].Key, matches[0].Value![method.ToLowerInvariant()]);
    }

    /// <summary>A client handler that checks every answer passing through it.</summary>
    public DelegatingHandler Handler() => new CheckingHandler(this);

    private sealed class CheckingHandler(DocumentResponses responses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var failure = responses.Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
            if (failure is not null)
            {
                responses.Failures.Enqueue(failure);
            }

            // The body was read to check it; the caller reads it again.
            var copy = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            return response;
        }
    }
}
