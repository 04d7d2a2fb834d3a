using TakedownFn.Domain.Events;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Cases.Steps;

public static partial class StepIntake
{
    private delegate bool TryParseId<T>(string? id, out T value);

    private static T? ParseEnum<T>(ErrorList errors, string field, string? id, bool required, TryParseId<T> tryParse)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            if (required)
            {
                errors.Add(field, TextRules.Required);
            }

            return null;
        }

        if (tryParse(id, out var value))
        {
            return value;
        }

        errors.Add(field, "is not a known id; expected one of: " + string.Join(", ", WireIds.All<T>()));
        return null;
    }

    private static string[] ParseRegions(ErrorList errors, IReadOnlyList<string?>? regions, bool required)
    {
        if (regions is null || regions.Count == 0)
        {
            if (required)
            {
                errors.Add("regions", "must name at least one region");
            }

            return [];
        }

        if (regions.Count > MaxRegions)
        {
            errors.Add("regions", $"must contain at most {MaxRegions} entries");
            return [];
        }

        var parsed = new List<string>();
        for (var i = 0; i < regions.Count; i++)
        {
            // ISO 3166-1 alpha-2, upper case, as the EU transparency database and geo-IP data use.
            if (regions[i] is { Length: 2 } code && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]))
            {
                parsed.Add(code);
            }
            else
            {
                errors.Add(ErrorList.Index("regions", i), "must be an ISO 3166-1 alpha-2 code in upper case");
            }
        }

        return parsed.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static EvidencePreservation? ParseEvidence(ErrorList errors, EvidenceSubmission? evidence, bool required)
    {
        if (evidence is null)
        {
            if (required)
            {
                errors.Add("evidence", TextRules.Required);
            }

            return null;
        }

        string? hash = null;
        if (string.IsNullOrWhiteSpace(evidence.ContentHash))
        {
            errors.Add("evidence.contentHash", TextRules.Required);
        }
        else if (evidence.ContentHash.Length != 64 || !evidence.ContentHash.All(char.IsAsciiHexDigit))
        {
            errors.Add("evidence.contentHash", "must be a SHA-256 digest: 64 hexadecimal digits");
        }
        else
        {
            hash = evidence.ContentHash.ToLowerInvariant();
        }

        if (evidence.RetentionDays is null)
        {
            errors.Add("evidence.retentionDays", TextRules.Required);
        }
        else if (evidence.RetentionDays is < 1 or > MaxRetentionDays)
        {
            errors.Add("evidence.retentionDays", $"must be between 1 and {MaxRetentionDays}");
        }

        var location = TextRules.Optional(errors, "evidence.snapshotLocation", evidence.SnapshotLocation, MaxSnapshotLocationLength);
        return hash is null || evidence.RetentionDays is not (>= 1 and <= MaxRetentionDays)
            ? null
            : new EvidencePreservation(hash, location, TimeSpan.FromDays(evidence.RetentionDays.Value), evidence.LegalHold ?? false);
    }

    private static string? ParseCorrectsStepId(ErrorList errors, string? id, bool required)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            if (required)
            {
                errors.Add("correctsStepId", TextRules.Required);
            }

            return null;
        }

        if (!EventIds.IsWellFormed(id))
        {
            errors.Add("correctsStepId", "must be an event id");
            return null;
        }

        return id;
    }

    private static string[] ParseElements(ErrorList errors, string field, IReadOnlyList<string?>? elements, bool required)
    {
        if (elements is null || elements.Count == 0)
        {
            if (required)
            {
                errors.Add(field, "must name at least one element");
            }

            return [];
        }

        var parsed = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is { } element && NoticeElements.All.Contains(element, StringComparer.Ordinal))
            {
                parsed.Add(element);
            }
            else
            {
                errors.Add(ErrorList.Index(field, i), "is not a known notice element");
            }
        }

        return parsed.ToArray();
    }

    /// <summary>A code, not prose: exception messages can quote personal data, so they never enter the record.</summary>
    private static string? ParseErrorCode(ErrorList errors, string? code, bool required)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required)
            {
                errors.Add("errorCode", TextRules.Required);
            }

            return null;
        }

        if (code.Length > 64 || !char.IsAsciiLetterLower(code[0])
            || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            errors.Add("errorCode", "must be 1 to 64 characters of a-z, 0-9, '.' and '-', starting with a letter");
            return null;
        }

        return code;
    }
}
