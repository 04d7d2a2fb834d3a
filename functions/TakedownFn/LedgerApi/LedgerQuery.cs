using System.Globalization;
using TakedownFn.Domain.Validation;

namespace TakedownFn.LedgerApi;

/// <summary>
/// Reads the ledger endpoints' query parameters by hand, so each bad value is answered with
/// problem details naming the parameter and the reason (rather than the framework's bare 400).
/// </summary>
internal sealed class LedgerQuery(IQueryCollection query)
{
    public List<ValidationError> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public bool Has(string name) => query.ContainsKey(name);

    /// <summary>The parameter as a whole number, <paramref name="fallback"/> when absent; records an error when malformed.</summary>
    public long? Long(string name, long? fallback = null)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        if (values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Fail(name, "must be a single non-negative whole number");
        return null;
    }

    public string? Text(string name) => query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    public void Fail(string name, string message) => Errors.Add(new ValidationError(name, message));
}
