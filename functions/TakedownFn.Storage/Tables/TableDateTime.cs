using System.Globalization;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// The one text form of <c>Edm.DateTime</c> we send: UTC with seven fractional digits, the
/// precision Azure keeps (100 ns ticks), so a value round-trips to the tick.
/// </summary>
internal static class TableDateTime
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public const int Length = 28;

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static bool TryFormat(DateTimeOffset value, Span<char> destination, out int written) =>
        value.UtcDateTime.TryFormat(destination, out written, Pattern, CultureInfo.InvariantCulture);
}
