using System.Globalization;

namespace TakedownFn.Domain.Validation;

/// <summary>
/// The text rules every submitted string obeys. Lengths count UTF-16 code units, the unit
/// JavaScript clients and System.Text.Json count in, so a client can check limits the same way.
/// </summary>
internal static class TextRules
{
    public const string Required = "is required";

    /// <summary>
    /// Checks length, control characters and well-formed UTF-16. Single-line fields refuse every
    /// control character and the Unicode line/paragraph separators; multi-line free text (an
    /// explanation, a postal address, a reason) may hold tab, CR and LF, nothing else.
    /// </summary>
    public static bool Check(ErrorList errors, string field, string value, int maxLength, bool multiline = false)
    {
        var ok = true;
        if (value.Length > maxLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters"));
            ok = false;
        }

        if (HasForbiddenControl(value, multiline))
        {
            errors.Add(field, multiline
                ? "must not contain control characters other than tab and line breaks"
                : "must not contain control characters or line breaks");
            ok = false;
        }

        if (HasUnpairedSurrogate(value))
        {
            errors.Add(field, "must be well-formed Unicode text");
            ok = false;
        }

        return ok;
    }

    /// <summary>
    /// Parses an optional string: blank counts as absent (<see langword="null"/>), anything else is checked.
    /// </summary>
    public static string? Optional(ErrorList errors, string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Check(errors, field, value, maxLength, multiline) ? value : null;
    }

    /// <summary>Parses a required string: blank is reported as missing.</summary>
    public static string? Require(ErrorList errors, string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, Required);
            return null;
        }

        return Check(errors, field, value, maxLength, multiline) ? value : null;
    }

    public static bool HasForbiddenControl(string value, bool multiline)
    {
        foreach (var c in value)
        {
            if (multiline && c is '\t' or '\r' or '\n')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
