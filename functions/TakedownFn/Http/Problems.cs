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

    public static ProblemHttpResult NotFound(string what) =>
        Status(StatusCodes.Status404NotFound, "Not found", $"No {what} with that id.");
}
