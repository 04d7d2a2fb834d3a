namespace TakedownFn.Domain.Validation;

/// <summary>Shapes validation errors for RFC 9457 problem details.</summary>
public static class ValidationErrorExtensions
{
    /// <summary>
    /// Groups errors by field path, keeping the order in which fields and messages were reported;
    /// the result is what <c>TypedResults.ValidationProblem</c> takes as its <c>errors</c>.
    /// </summary>
    public static Dictionary<string, string[]> ToErrorDictionary(this IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var error in errors)
        {
            if (!grouped.TryGetValue(error.Field, out var messages))
            {
                messages = [];
                grouped.Add(error.Field, messages);
                order.Add(error.Field);
            }

            messages.Add(error.Message);
        }

        return order.ToDictionary(field => field, field => grouped[field].ToArray(), StringComparer.Ordinal);
    }
}
