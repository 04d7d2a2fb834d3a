using Azure.Data.Tables;
using TakedownFn.Domain.Reports;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Benchmarks;

/// <summary>
/// The report rows the fold would leave for a set of contributions (fact, hour and day rollups,
/// breach rows), summed in memory so the benchmark can write them in bulk; the reconciliation then
/// checks them against the raw case rows.
/// </summary>
internal sealed class ReportRowsBuilder(string tenantId)
{
    private readonly List<TableEntity> _facts = [];
    private readonly List<TableEntity> _breaches = [];
    private readonly SortedDictionary<string, RollupRow> _hours = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, RollupRow> _days = new(StringComparer.Ordinal);

    public int HourRows => _hours.Count;

    public int DayRows => _days.Count;

    public void Add(IEnumerable<CaseContribution> contributions)
    {
        foreach (var c in contributions)
        {
            _facts.Add(ReportRows.Fact(tenantId, c));
            _breaches.AddRange(c.Breaches.Select(b => ReportRows.Breach(tenantId, c.Hour, c.Dimensions, b)));
            Sum(_hours, ReportKeys.Rollup(c.Hour, c.Dimensions), c.Hour, c);
            var day = RollupPlan.DayOf(c.Hour);
            Sum(_days, ReportKeys.Day(day, c.Dimensions), day, c);
        }
    }

    public IEnumerable<TableEntity> Rows() =>
    [
        .. _facts,
        .. _hours.Select(h => ReportRows.Rollup(tenantId, h.Key, h.Value)),
        .. _days.Select(d => ReportRows.Rollup(tenantId, d.Key, d.Value)),
        .. _breaches,
    ];

    private static void Sum(SortedDictionary<string, RollupRow> rows, string key, DateTimeOffset at, CaseContribution c)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            rows[key] = row = new RollupRow(at, c.Dimensions, new SlaFigures());
        }

        row.Figures.Merge(c.Figures);
    }
}
