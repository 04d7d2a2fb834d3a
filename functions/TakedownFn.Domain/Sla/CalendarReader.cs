using System.Text.Json;

namespace TakedownFn.Domain.Sla;

/// <summary>Reads a business-day calendar file (<c>calendar.*.json</c>) and reports every problem in it.</summary>
public static class CalendarReader
{
    private static readonly Dictionary<string, DayOfWeek> Days =
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Parses <paramref name="json"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    public static DataReadResult<BusinessCalendar> Read(string fileName, string json)
    {
        var errors = new List<PolicyDataError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonFields.DocumentOptions);
        }
        catch (JsonException ex)
        {
            return DataReadResult<BusinessCalendar>.From(null, [new(fileName, null, "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }

        using (document)
        {
            var root = new JsonFields(document.RootElement, fileName, null, errors, "id", "timeZone", "weekend", "years", "holidays", "workingDays", "provisional");
            var id = root.String("id");
            var zone = ReadZone(root);
            var weekend = ReadWeekend(root);
            var years = new List<int>();
            foreach (var year in root.Array("years"))
            {
                if (year.ValueKind == JsonValueKind.Number && year.TryGetInt32(out var y) && y is >= 1900 and <= 2200)
                {
                    years.Add(y);
                }
                else
                {
                    root.Error("years", "every entry must be a year, e.g. 2026");
                }
            }

            var holidays = ReadDays(root, fileName, "holidays", years, errors);
            var working = ReadDays(root, fileName, "workingDays", years, errors);
            foreach (var day in working.Keys.Where(holidays.ContainsKey))
            {
                errors.Add(new(fileName, $"workingDays {day:yyyy-MM-dd}", "date", "is also listed as a holiday"));
            }

            var provisional = root.Has("provisional") ? ReadProvisional(root.Element("provisional")!.Value, fileName, errors) : null;
            var calendar = id is null || zone is null ? null : new BusinessCalendar(id, zone, years, weekend, holidays, working, provisional);
            return DataReadResult<BusinessCalendar>.From(calendar, errors);
        }
    }

    /// <summary>
    /// The optional <c>provisional</c> block: the rule deriving years without official data
    /// (<c>cn-statutory-holidays</c>), what it rests on, and the Qingming solar-term table it needs.
    /// </summary>
    private static ChinaStatutoryHolidays? ReadProvisional(JsonElement element, string fileName, List<PolicyDataError> errors)
    {
        var block = new JsonFields(element, fileName, "provisional", errors, "rule", "basis", "qingming");
        var rule = block.String("rule");
        block.String("basis");
        if (rule is not null && rule != ChinaStatutoryHolidays.RuleId)
        {
            block.Error("rule", $"unknown rule (the one known is {ChinaStatutoryHolidays.RuleId})");
        }

        var days = new List<DateOnly>();
        foreach (var entry in block.Array("qingming"))
        {
            if (entry.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(entry.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                && day.Month == 4 && day.Day is >= 4 and <= 6 && days.All(d => d.Year != day.Year))
            {
                days.Add(day);
            }
            else
            {
                block.Error("qingming", "every entry must be a date yyyy-04-04 to yyyy-04-06, one per year");
            }
        }

        return rule == ChinaStatutoryHolidays.RuleId ? new ChinaStatutoryHolidays(days) : null;
    }

    private static TimeZoneInfo? ReadZone(JsonFields root)
    {
        var zoneId = root.String("timeZone");
        if (zoneId is null)
        {
            return null;
        }

        try
        {
            // IANA ids: on Linux the zone comes straight from tzdata.
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            root.Error("timeZone", $"unknown time zone '{zoneId}' (use an IANA id such as Europe/Berlin)");
            return null;
        }
    }

    private static List<DayOfWeek> ReadWeekend(JsonFields root)
    {
        var weekend = new List<DayOfWeek>();
        foreach (var day in root.Array("weekend"))
        {
            if (day.ValueKind == JsonValueKind.String && Days.TryGetValue(day.GetString()!, out var value))
            {
                weekend.Add(value);
            }
            else
            {
                root.Error("weekend", "every entry must be a lower-case day name, e.g. saturday");
            }
        }

        return weekend;
    }

    private static Dictionary<DateOnly, string> ReadDays(JsonFields root, string fileName, string field, List<int> years, List<PolicyDataError> errors)
    {
        var days = new Dictionary<DateOnly, string>();
        var entries = root.Array(field);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = new JsonFields(entries[i], fileName, $"{field}[{i}]", errors, "date", "from", "to", "name");
            var name = entry.String("name");
            DateOnly? from, to;
            if (entry.Has("date"))
            {
                from = to = entry.Date("date");
            }
            else
            {
                from = entry.Date("from");
                to = entry.Date("to");
            }

            if (from is null || to is null || name is null)
            {
                continue;
            }

            if (to < from)
            {
                entry.Error("to", "is before 'from'");
                continue;
            }

            for (var day = from.Value; day <= to.Value; day = day.AddDays(1))
            {
                if (!years.Contains(day.Year))
                {
                    entry.Error("date", $"{day:yyyy-MM-dd} is outside the covered years");
                }
                else if (!days.TryAdd(day, name))
                {
                    entry.Error("date", $"{day:yyyy-MM-dd} is listed twice");
                }
            }
        }

        return days;
    }
}
