using System.Globalization;
using System.Text.Json;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// Reads the properties of one JSON object of a data file and records what is wrong with them
/// (missing, wrong type, unknown property) instead of stopping at the first problem.
/// </summary>
internal sealed class JsonFields
{
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // The shipped files carry their sources and caveats as // comments.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    private readonly JsonElement element;
    private readonly string file;
    private readonly string? item;
    private readonly List<PolicyDataError> errors;

    public JsonFields(JsonElement element, string file, string? item, List<PolicyDataError> errors, params string[] known)
    {
        this.element = element;
        this.file = file;
        this.item = item;
        this.errors = errors;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("$", "must be a JSON object");
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Error(property.Name, "unknown property");
            }
        }
    }

    public void Error(string field, string message) => errors.Add(new PolicyDataError(file, item, field, message));

    public bool Has(string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Element(string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(string name, bool required = true)
    {
        var value = Element(name);
        if (value is null)
        {
            if (required)
            {
                Error(name, "is required");
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.Value.GetString()))
        {
            Error(name, "must be a non-empty string");
            return null;
        }

        return value.Value.GetString();
    }

    public int? Int(string name)
    {
        var value = Element(name);
        if (value is null)
        {
            Error(name, "is required");
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var number))
        {
            Error(name, "must be a whole number");
            return null;
        }

        return number;
    }

    public bool? Bool(string name)
    {
        var value = Element(name);
        if (value is null || value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(name, value is null ? "is required" : "must be true or false");
            return null;
        }

        return value.Value.GetBoolean();
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(name, "must be a date yyyy-MM-dd");
            return null;
        }

        return date;
    }

    public DateTimeOffset? Instant(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        // An instant without an offset would mean a different moment in every zone.
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            Error(name, "must be an ISO 8601 instant with an offset, e.g. 2025-01-01T00:00:00Z");
            return null;
        }

        return instant.ToUniversalTime();
    }

    public IReadOnlyList<JsonElement> Array(string name)
    {
        var value = Element(name);
        if (value is null || value.Value.ValueKind != JsonValueKind.Array)
        {
            Error(name, value is null ? "is required" : "must be an array");
            return [];
        }

        return value.Value.EnumerateArray().ToArray();
    }
}
