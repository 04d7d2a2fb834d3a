using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Http;

/// <summary>
/// Reads a JSON request body with our limits and turns every way it can be wrong into RFC 9457
/// problem details: 415 for another content type, 413 over the size limit, 400 naming the field
/// for malformed JSON, wrong types, unknown and duplicated fields. Nothing that fails here is stored.
/// </summary>
/// <remarks>
/// A duplicated property name is refused at any depth (RFC 8259 §4 leaves its meaning to each
/// parser: with "last one wins" here and "first one wins" elsewhere, two readers of the stored
/// notice would read two different notices).
/// </remarks>
internal static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    };


    /// <summary>Reads the raw body within the limits, or the problem to answer instead.</summary>
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (default, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(maxBytes));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (default, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    /// <summary>Deserializes JSON, or names the field that is wrong (never its value).</summary>
    public static (T? Value, IReadOnlyList<ValidationError> Errors) Deserialize<T>(ReadOnlySpan<byte> json)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? (null, [new ValidationError("$", "The body must be a JSON object.")]) : (value, []);
        }
        catch (JsonException e)
        {
            return (null, [new ValidationError(FieldOf(e.Path), Describe(e))]);
        }
    }

    /// <summary>The message for a property given more than once.</summary>
    public const string Duplicated = "This field appears more than once.";

    /// <summary>System.Text.Json's path (<c>$.items[0].url</c>) as our field names (<c>items[0].url</c>).</summary>
    internal static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body must be at most {maxBytes / 1024} KiB.");

    // The serializer's messages name .NET types; say what the caller sent wrong, in JSON terms,
    // and never repeat the value (it may be personal data).
    private static string Describe(JsonException e) => e.Message switch
    {
        var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => "This field is not part of the schema.",
        var m when m.Contains("could not be converted", StringComparison.Ordinal) => "This field has the wrong type.",
        var m when m.StartsWith("Duplicate property", StringComparison.Ordinal) => Duplicated,
        _ when e.LineNumber is not null => $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).",
        _ => "The body is not valid JSON.",
    };
}
