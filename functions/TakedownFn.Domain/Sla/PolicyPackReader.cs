using System.Text.Json;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// Reads and validates a policy pack file. Every error names the file, the rule (its index and
/// key) and the field: unknown regime, category, severity, stage, unit, clock start or calendar;
/// a length that is not positive; a business-day rule on a calendar without holidays; a duplicate
/// rule; a statutory rule without its legal basis; a malformed window minimum.
/// </summary>
public static class PolicyPackReader
{
    private static readonly string[] RuleFields =
        ["regime", "category", "severity", "stage", "clockStart", "length", "unit", "calendar", "statutory", "basis", "minimum", "exposing"];

    /// <summary>Parses <paramref name="json"/>; calendars named by rules must exist in <paramref name="calendars"/>.</summary>
    public static DataReadResult<PolicyPack> Read(string fileName, string json, CalendarCatalog calendars)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonFields.DocumentOptions);
        }
        catch (JsonException ex)
        {
            return DataReadResult<PolicyPack>.From(null, [new(fileName, null, "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }

        using (document)
        {
            var errors = new List<PolicyDataError>();
            var root = new JsonFields(document.RootElement, fileName, null, errors, "id", "version", "effectiveFrom", "rules");
            var id = root.String("id");
            var version = root.Int("version");
            if (version is < 1)
            {
                root.Error("version", "must be 1 or more");
            }

            var effectiveFrom = root.Instant("effectiveFrom");
            var elements = root.Array("rules");
            if (elements.Count == 0 && root.Has("rules"))
            {
                root.Error("rules", "must hold at least one rule");
            }

            var rules = new List<PolicyRule>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < elements.Count; i++)
            {
                var rule = ReadRule(elements[i], fileName, i, calendars, errors);
                if (rule is null)
                {
                    continue;
                }

                if (seen.TryGetValue(rule.Key, out var first))
                {
                    errors.Add(new(fileName, $"rule {i} ({rule.Key})", "stage", $"duplicates rule {first}: the same regime, category, severity and stage"));
                    continue;
                }

                seen.Add(rule.Key, i);
                rules.Add(rule);
            }

            var pack = id is null || version is null || effectiveFrom is null ? null : new PolicyPack(id, version.Value, effectiveFrom.Value, rules, fileName);
            return DataReadResult<PolicyPack>.From(pack, errors);
        }
    }

    private static PolicyRule? ReadRule(JsonElement element, string fileName, int index, CalendarCatalog calendars, List<PolicyDataError> errors)
    {
        var label = Label(element, index);
        var before = errors.Count;
        var f = new JsonFields(element, fileName, label, errors, RuleFields);

        var regimeId = f.String("regime");
        Regime? regime = null;
        if (regimeId is not null && !Regimes.TryGet(regimeId, out regime))
        {
            f.Error("regime", $"unknown regime '{regimeId}'");
        }

        var category = f.String("category");
        if (category is not null && category != PolicyRule.Any && regime is not null && !regime.Allows(category))
        {
            f.Error("category", $"unknown category '{category}' for regime '{regime.Id}' (use one of {string.Join(", ", regime.Categories)} or *)");
        }

        var severityText = f.String("severity");
        SeverityLevel? severity = null;
        if (severityText is not null && severityText != PolicyRule.Any)
        {
            if (WireIds.TryParse(severityText, out SeverityLevel parsed))
            {
                severity = parsed;
            }
            else
            {
                f.Error("severity", $"unknown severity '{severityText}' (use one of {string.Join(", ", WireIds.All<SeverityLevel>())} or *)");
            }
        }

        var stage = Parse<SlaStage>(f, "stage", SlaWireIds.TryParse);
        var clockStart = Parse<ClockStart>(f, "clockStart", SlaWireIds.TryParse);
        var length = ReadLength(f);
        var calendar = ReadCalendar(f, calendars, length);
        var statutory = f.Bool("statutory");
        var basis = f.String("basis", required: false);
        if (statutory == true && basis is null)
        {
            f.Error("basis", "a statutory rule must cite its legal basis");
        }

        var minimum = ReadMinimum(f, fileName, label, stage, length, errors);
        var exposing = ReadExposing(f);

        if (errors.Count > before)
        {
            return null;
        }

        return new PolicyRule(regimeId!, category!, severity, stage!.Value, clockStart!.Value, length!.Value, calendar!, statutory!.Value, basis, minimum, exposing);
    }

    /// <summary>An optional, non-empty list of personal-information kinds (cn-personal-info categories or detected kinds).</summary>
    private static IReadOnlyList<string>? ReadExposing(JsonFields f)
    {
        if (!f.Has("exposing"))
        {
            return null;
        }

        var kinds = new List<string>();
        var elements = f.Array("exposing");
        if (elements.Count == 0)
        {
            f.Error("exposing", "must name at least one kind");
        }

        foreach (var element in elements)
        {
            var kind = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
            if (kind is null || !(Categories.PersonalDataKinds.Contains(kind, StringComparer.Ordinal) || Detection.PersonalDataKinds.All.Contains(kind, StringComparer.Ordinal)))
            {
                f.Error("exposing", $"unknown kind '{kind ?? element.ToString()}' (use one of {string.Join(", ", Categories.PersonalDataKinds.Union(Detection.PersonalDataKinds.All))})");
                continue;
            }

            kinds.Add(kind);
        }

        return kinds;
    }

    private static SlaLength? ReadLength(JsonFields f)
    {
        var amount = f.Int("length");
        if (amount is <= 0)
        {
            f.Error("length", $"must be positive, was {amount}");
        }

        var unit = Parse<DurationUnit>(f, "unit", SlaWireIds.TryParse);
        return amount is > 0 && unit is not null ? new SlaLength(amount.Value, unit.Value) : null;
    }

    private static string? ReadCalendar(JsonFields f, CalendarCatalog calendars, SlaLength? length)
    {
        var id = f.String("calendar");
        if (id is null)
        {
            return null;
        }

        if (!calendars.TryGet(id, out var calendar))
        {
            f.Error("calendar", $"unknown calendar '{id}' (known: {string.Join(", ", calendars.All.Select(c => c.Id))})");
            return null;
        }

        if (length?.Unit == DurationUnit.BusinessDays && calendar.CoveredYears.Count == 0)
        {
            f.Error("calendar", $"calendar '{id}' has no holiday data, so it cannot count business-days");
        }

        return id;
    }

    private static PolicyMinimum? ReadMinimum(JsonFields f, string fileName, string label, SlaStage? stage, SlaLength? deadline, List<PolicyDataError> errors)
    {
        var element = f.Element("minimum");
        if (element is null)
        {
            return null;
        }

        if (stage is not null && stage != SlaStage.CounterNoticeRestoration)
        {
            f.Error("minimum", "only a counter-notice-restoration window has a minimum");
        }

        var m = new JsonFields(element.Value, fileName, label, errors, "length", "unit", "statutory", "basis");
        var length = ReadLength(m);
        var statutory = m.Bool("statutory");
        var basis = m.String("basis");
        if (length is null || statutory is null || basis is null || deadline is null)
        {
            return null;
        }

        if (length.Value.Unit != deadline.Value.Unit || length.Value.Amount >= deadline.Value.Amount)
        {
            f.Error("minimum", $"must be shorter than the deadline in the same unit ({deadline})");
        }

        return new PolicyMinimum(length.Value, statutory.Value, basis);
    }

    private delegate bool TryParseId<T>(string? id, out T value);

    private static T? Parse<T>(JsonFields f, string field, TryParseId<T> tryParse)
        where T : struct, Enum
    {
        var text = f.String(field);
        if (text is null)
        {
            return null;
        }

        if (!tryParse(text, out var value))
        {
            f.Error(field, $"unknown {field} '{text}' (use one of {string.Join(", ", KebabIds<T>.All)})");
            return null;
        }

        return value;
    }

    private static string Label(JsonElement element, int index)
    {
        string Part(string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";

        return $"rule {index} ({Part("regime")}/{Part("category")}/{Part("severity")}/{Part("stage")})";
    }
}
