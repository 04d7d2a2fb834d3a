using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace TakedownFn.OpenApi;

/// <summary>One status an endpoint answers: what it means, its bodies by media type, and the headers it sets.</summary>
internal sealed record Answer(int Status, string Description, IReadOnlyList<Body> Bodies, IReadOnlyList<Header> Headers)
{
    public const string ProblemJson = "application/problem+json";

    public static Answer Json<T>(int status, string description, params Header[] headers) => new(status, description, [Body.Of<T>()], headers);

    public static Answer Problem(int status, string description) => Problem<ProblemDetails>(status, description);

    public static Answer Problem<T>(int status, string description)
        where T : ProblemDetails => new(status, description, [new Body(ProblemJson, typeof(T))], []);

    /// <summary>A text body (CSV, NDJSON) described as a string of its media type.</summary>
    public static Body Text(string mediaType) => new(mediaType, null);

    /// <summary>A binary body (PDF).</summary>
    public static Body Binary(string mediaType) => new(mediaType, null, Format: "binary");
}

/// <summary>
/// A body of one media type: JSON of <paramref name="Type"/> (serialized with the app's options, or
/// with <paramref name="Options"/> where the handler serializes it itself), or a string.
/// </summary>
internal sealed record Body(string MediaType, Type? Type, JsonSerializerOptions? Options = null, string? Format = null)
{
    public static Body Of<T>() => new(System.Net.Mime.MediaTypeNames.Application.Json, typeof(T));
}

/// <summary>A response header an endpoint sets.</summary>
internal sealed record Header(string Name, string Description, string? Example = null);

/// <summary>The response headers the API sets.</summary>
internal static class Headers
{
    public static readonly Header Location = new("Location", "The path of what was created or found.", "/api/cases/01a25284d577f2b4d3e1ee");

    public static readonly Header Replayed = new("Idempotent-Replayed", "`true` when this answers a repeat of an earlier request, which recorded nothing again.", "true");

    public static readonly Header Disposition = new("Content-Disposition", "`attachment` with the file's name.");

    public static readonly Header RetryAfter = new("Retry-After", "Seconds to wait before retrying.", "1");
}
