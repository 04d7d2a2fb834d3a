using System.Globalization;
using TakedownFn.Domain.Reports;

namespace TakedownFn.Storage.Reports;

/// <summary>
/// The row layout of the reports table (one partition per tenant, so a fold's rows change in one
/// entity group transaction). Keys hold ids and times only.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>f|{caseId}</c></term><description>the case's contribution as last folded</description></item>
/// <item><term><c>h|{yyyyMMddHH}|{regime}|{category}|{severity}|{source}</c></term><description>rollup: the figures of the cases received in that UTC hour with those dimensions</description></item>
/// <item><term><c>d|{yyyyMMdd}|{regime}|{category}|{severity}|{source}</c></term><description>day rollup: the sum of that UTC day's hour rollups, changed in the same transactions</description></item>
/// <item><term><c>x|{yyyyMMddHH}|{caseId}|{stage}</c></term><description>a breached stage of a case received in that hour</description></item>
/// <item><term><c>w|fold</c></term><description>the cases' change marker ETag the last complete fold started from; its own ETag moves with every write (a fold's or a repair's), which the report cache keys on</description></item>
/// <item><term><c>p|{periodId}</c></term><description>a closed period: its frozen, signed statement</description></item>
/// </list>
/// The reports live in their own table, not the cases table, so reading a quarter's rollups is a
/// range over few rows (Azurite scans a whole table for every query).
/// </remarks>
public static class ReportKeys
{
    public const string FactsFrom = "f|";
    public const string FactsTo = "f}";
    public const string RollupsFrom = "h|";
    public const string RollupsTo = "h}";
    public const string DaysFrom = "d|";
    public const string DaysTo = "d}";
    public const string BreachesFrom = "x|";
    public const string BreachesTo = "x}";
    public const string PeriodsFrom = "p|";
    public const string PeriodsTo = "p}";

    public const string FoldedThrough = "w|fold";

    public static string Fact(string caseId) => $"f|{caseId}";

    public static string Rollup(DateTimeOffset hour, ReportDimensions d) => $"h|{Hour(hour)}|{d.Regime}|{d.Category}|{d.Severity}|{d.Source}";

    /// <summary>The first rollup key of an hour (inclusive lower bound of a range).</summary>
    public static string RollupsAt(DateTimeOffset hour) => $"h|{Hour(hour)}";

    public static string Day(DateTimeOffset day, ReportDimensions d) => $"d|{DayText(day)}|{d.Regime}|{d.Category}|{d.Severity}|{d.Source}";

    /// <summary>The first day rollup key of a UTC day (inclusive lower bound of a range).</summary>
    public static string DaysAt(DateTimeOffset day) => $"d|{DayText(day)}";

    public static string Breach(DateTimeOffset hour, string caseId, string stage) => $"x|{Hour(hour)}|{caseId}|{stage}";

    public static string BreachesAt(DateTimeOffset hour) => $"x|{Hour(hour)}";

    public static string Period(string periodId) => $"p|{periodId}";

    private static string DayText(DateTimeOffset day) => day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Hour(DateTimeOffset hour) => hour.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}
