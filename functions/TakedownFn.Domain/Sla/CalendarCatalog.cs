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

    private static CalendarCatalog LoadShipped()
    {
        var errors = new List<PolicyDataError>();
        var calendars = new List<BusinessCalendar>();
        foreach (var file in EmbeddedData.FileNames("calendar."))
        {
            var result = CalendarReader.Read(file, EmbeddedData.Read(file));
            errors.AddRange(result.Errors);
            if (result.Value is not null)
            {
                calendars.Add(result.Value);
            }
        }

        return errors.Count > 0 ? throw new PolicyDataException(errors) : new CalendarCatalog(calendars);
    }
}
