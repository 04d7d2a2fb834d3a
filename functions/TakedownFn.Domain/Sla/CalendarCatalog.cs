using System.Diagnostics.CodeAnalysis;

namespace TakedownFn.Domain.Sla;

/// <summary>The business-day calendars policy rules can name, by id.</summary>
public sealed class CalendarCatalog
{
    private static readonly Lazy<CalendarCatalog> ShippedCatalog = new(LoadShipped);

    private readonly Dictionary<string, BusinessCalendar> byId;

    /// <summary>Builds a catalog; ids must be unique.</summary>
    public CalendarCatalog(IEnumerable<BusinessCalendar> calendars)
    {
        byId = new(StringComparer.Ordinal);
        foreach (var calendar in calendars)
        {
            if (!byId.TryAdd(calendar.Id, calendar))
            {
                throw new ArgumentException($"calendar id '{calendar.Id}' appears twice", nameof(calendars));
            }
        }
    }

    /// <summary>The calendars shipped with the app (<c>Sla/Data/calendar.*.json</c>).</summary>
    public static CalendarCatalog Shipped => ShippedCatalog.Value;

    /// <summary>
    /// The shipped calendars plus <paramref name="files"/> (name and JSON): a file whose id is already
    /// known adds years to that calendar (a year's official data, e.g. <c>calendar.cn-2027.json</c>).
    /// </summary>
    /// <exception cref="PolicyDataException">A file does not validate, or its years overlap another's.</exception>
    public static CalendarCatalog WithFiles(IEnumerable<(string FileName, string Json)> files) =>
        Load(EmbeddedData.FileNames("calendar.").Select(f => (f, EmbeddedData.Read(f))).Concat(files));

    /// <summary>Every calendar, ordered by id.</summary>
    public IEnumerable<BusinessCalendar> All => byId.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    public bool TryGet(string? id, [NotNullWhen(true)] out BusinessCalendar? calendar)
    {
        calendar = null;
        return id is not null && byId.TryGetValue(id, out calendar);
    }

    /// <summary>The calendar with <paramref name="id"/>; throws if there is none.</summary>
    public BusinessCalendar Get(string id) =>
        TryGet(id, out var calendar) ? calendar : throw new KeyNotFoundException($"no calendar '{id}'");

    private static CalendarCatalog LoadShipped() => WithFiles([]);

    private static CalendarCatalog Load(IEnumerable<(string FileName, string Json)> files)
    {
        var errors = new List<PolicyDataError>();
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var (file, json) in files)
        {
            var result = CalendarReader.Read(file, json);
            errors.AddRange(result.Errors);
            if (result.Value is not { } calendar)
            {
                continue;
            }

            if (!calendars.TryGetValue(calendar.Id, out var known))
            {
                calendars[calendar.Id] = calendar;
                continue;
            }

            var (merged, problem) = known.Merge(calendar);
            if (merged is null)
            {
                errors.Add(new PolicyDataError(file, null, "years", problem!));
            }
            else
            {
                calendars[calendar.Id] = merged;
            }
        }

        return errors.Count > 0 ? throw new PolicyDataException(errors) : new CalendarCatalog(calendars.Values);
    }
}
