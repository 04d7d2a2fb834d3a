using Microsoft.AspNetCore.Http.HttpResults;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Http;

/// <summary>RFC 9457 problem details for the answers the API gives.</summary>
internal static class Problems
{
    public static ProblemHttpResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields.");

    public static ValidationProblem Validation(IEnumerable<ValidationError> errors) => Validation(errors.ToErrorDictionary());

    /// <summary>422: the body is well-formed but conflicts with what was recorded before; <c>errors</c> names the fields.</summary>
    public static ProblemHttpResult Unprocessable(string title, IEnumerable<ValidationError> errors) =>
        Status(StatusCodes.Status422UnprocessableEntity, title, "A field names something recorded before with different content.",
            new Dictionary<string, object?> { ["errors"] = errors.ToErrorDictionary() });

    public static ProblemHttpResult NotFound(string what) =>
        Status(StatusCodes.Status404NotFound, "Not found", $"No {what} with that id.");
}
