using System.Globalization;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Http;

/// <summary>
/// Typed query-string values read by the handlers themselves: a value that does not parse is a
/// validation error naming the parameter (RFC 9457 problem details), not the framework's bare 400.
/// </summary>
internal static class QueryValues
{
    public static DateTimeOffset? Time(IQueryCollection query, string name, List<ValidationError> errors)
    {
        string? text = query[name];
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            return value;
        }

        errors.Add(new ValidationError(name, "must be an ISO 8601 date and time"));
        return null;
    }

    public static int? Int(IQueryCollection query, string name, string message, List<ValidationError> errors)
    {
        string? text = query[name];
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new ValidationError(name, message));
        return null;
    }
}
