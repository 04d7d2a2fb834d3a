using System.Text.Json;
using Azure.Data.Tables;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

/// <summary>One row whose stored value differs from the value recomputed from the raw case rows.</summary>
/// <param name="Row">The row key (ids and times only).</param>
/// <param name="Kind"><c>missing</c>, <c>extra</c> or <c>differs</c>.</param>
/// <param name="Counters">For a rollup that differs: each counter that differs, as <c>name: stored → expected</c>.</param>
internal sealed record ReportDifference(string Row, string Kind, IReadOnlyList<string> Counters);

/// <summary>A stage's percentiles from the stored rollups against the exact values from the raw rows.</summary>
internal sealed record PercentileCheck(string Stage, long Completed, string Percentile, double? ExactSeconds, double? RollupSeconds, double? RelativeError, bool WithinBound);

/// <summary>What a reconciliation found (and, when asked, repaired).</summary>
internal sealed record ReconciliationResult(
    string TenantId,
    int Cases,
    int RollupRows,
    double RelativeErrorBound,
    IReadOnlyList<ReportDifference> Differences,
    IReadOnlyList<PercentileCheck> Percentiles,
    bool Repaired)
{
    /// <summary>True when the stored rollups agree with the raw rows (after a repair, if one was made) and every percentile is within the bound.</summary>
    public bool Ok => (Differences.Count == 0 || Repaired) && Percentiles.All(p => p.WithinBound);
}

/// <summary>
/// Recomputes every report row of a tenant from its raw case rows and steps (the same
/// <see cref="ReportContributions"/> the fold uses), compares them with the stored facts, rollups
/// of both tiers (hour and day) and breach rows, and with <c>repair</c> rewrites what drifted. Counts must agree exactly; the
/// percentiles of the stored rollups are checked against the exact values within the bound.
/// </summary>
internal sealed class ReportReconciliation(CaseStore cases, ReportStore reports, ReportFolding folding, CalendarCatalog calendars)
{
    private static readonly (string Name, double Value)[] Percentiles = [("p50", 50), ("p90", 90), ("p99", 99), ("max", 100)];

    public async Task<ReconciliationResult> RunAsync(string tenantId, bool repair, CancellationToken cancellationToken)
    {
        // Changes not yet folded are not drift: fold them first (a repair then starts from current rows).
        await folding.FoldTenantAsync(tenantId, cancellationToken);

        // Read before the case scan: a repair makes the rows what the cases were at or after this marker.
        var marker = await cases.ReportChangesAsync(tenantId, cancellationToken);

        var expectedFacts = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var expectedRollups = new Dictionary<string, RollupRow>(StringComparer.Ordinal);
        var expectedDays = new Dictionary<string, RollupRow>(StringComparer.Ordinal);
        var expectedBreaches = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var durations = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        var caseCount = 0;
        await foreach (var row in cases.AllCasesWithStepsAsync(tenantId, cancellationToken))
        {
            caseCount++;
            var c = ReportContributions.From(row, calendars);
            expectedFacts[ReportKeys.Fact(c.CaseId)] = ReportRows.Fact(tenantId, c);
            var key = ReportKeys.Rollup(c.Hour, c.Dimensions);
            if (!expectedRollups.TryGetValue(key, out var rollup))
            {
                expectedRollups[key] = rollup = new RollupRow(c.Hour, c.Dimensions, new SlaFigures());
            }

            rollup.Figures.Merge(c.Figures);
            var day = RollupPlan.DayOf(c.Hour);
            var dayKey = ReportKeys.Day(day, c.Dimensions);
            if (!expectedDays.TryGetValue(dayKey, out var dayRollup))
            {
                expectedDays[dayKey] = dayRollup = new RollupRow(day, c.Dimensions, new SlaFigures());
            }

            dayRollup.Figures.Merge(c.Figures);
            foreach (var b in c.Breaches)
            {
                expectedBreaches[ReportKeys.Breach(c.Hour, b.CaseId, b.Stage)] = ReportRows.Breach(tenantId, c.Hour, c.Dimensions, b);
            }

            foreach (var (stage, duration) in c.Durations)
            {
                if (!durations.TryGetValue(stage, out var list))
                {
                    durations[stage] = list = [];
                }

                // The histograms count whole milliseconds.
                list.Add(TimeSpan.FromMilliseconds(Math.Floor(duration.TotalMilliseconds)));
            }
        }

        var storedFacts = await reports.AllRowsAsync(tenantId, ReportKeys.FactsFrom, ReportKeys.FactsTo, cancellationToken);
        var storedRollups = await reports.AllRowsAsync(tenantId, ReportKeys.RollupsFrom, ReportKeys.RollupsTo, cancellationToken);
        var storedDays = await reports.AllRowsAsync(tenantId, ReportKeys.DaysFrom, ReportKeys.DaysTo, cancellationToken);
        var storedBreaches = await reports.AllRowsAsync(tenantId, ReportKeys.BreachesFrom, ReportKeys.BreachesTo, cancellationToken);

        var differences = new List<ReportDifference>();
        var actions = new List<TableTransactionAction>();
        Compare(expectedFacts, storedFacts, (e, s) => e.GetString("Contribution") == s.GetString("Contribution") ? null : [], differences, actions);
        Compare(expectedRollups.ToDictionary(r => r.Key, r => ReportRows.Rollup(tenantId, r.Value), StringComparer.Ordinal), storedRollups, RollupCounters, differences, actions);
        Compare(expectedDays.ToDictionary(r => r.Key, r => ReportRows.DayRollup(tenantId, r.Value), StringComparer.Ordinal), storedDays, RollupCounters, differences, actions);
        Compare(expectedBreaches, storedBreaches, (e, s) => SameProperties(e, s) ? null : [], differences, actions);

        var stored = new SlaFigures();
        foreach (var row in storedRollups.Values)
        {
            stored.Merge(ReportJson.ReadFigures(row));
        }

        var checks = new List<PercentileCheck>();
        foreach (var (stage, list) in durations.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            list.Sort();
            var histogram = stored.Stages.GetValueOrDefault(stage)?.Durations ?? new DurationHistogram();
            foreach (var (name, p) in Percentiles)
            {
                var exact = ExactPercentile.Of(list, p);
                var approximate = p == 100 ? histogram.Max : histogram.Percentile(p);
                double? error = exact is { } x && approximate is { } a ? ExactPercentile.RelativeError(a, x) : null;
                checks.Add(new PercentileCheck(stage, list.Count, name, exact?.TotalSeconds, approximate?.TotalSeconds, error, error <= DurationHistogram.RelativeErrorBound));
            }
        }

        var repaired = false;
        if (repair && differences.Count > 0)
        {
            repaired = await reports.SubmitAsync(actions, cancellationToken);

            // The repair rewrote rows outside the fold: rewriting w|fold moves its ETag, so no report
            // cached before is served again (ReportCache), and records the marker the rows now reflect
            // (a case changed during the scan left a to-do row and moved the marker, so it is folded next).
            await reports.SetFoldedThroughAsync(tenantId, marker ?? string.Empty, cancellationToken);
        }

        return new ReconciliationResult(tenantId, caseCount, expectedRollups.Count, DurationHistogram.RelativeErrorBound, differences, checks, repaired);
    }

    /// <summary>Lists missing, extra and differing rows, and the actions that make the stored rows what they should be (conditional on the ETags read).</summary>
    private static void Compare(
        IReadOnlyDictionary<string, TableEntity> expected,
        IReadOnlyDictionary<string, TableEntity> stored,
        Func<TableEntity, TableEntity, IReadOnlyList<string>?> differ,
        List<ReportDifference> differences,
        List<TableTransactionAction> actions)
    {
        foreach (var (key, entity) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!stored.TryGetValue(key, out var current))
            {
                differences.Add(new ReportDifference(key, "missing", []));
                actions.Add(ReportStore.Put(entity, null));
            }
            else if (differ(entity, current) is { } counters)
            {
                differences.Add(new ReportDifference(key, "differs", counters));
                actions.Add(ReportStore.Put(entity, current.ETag));
            }
        }

        foreach (var (key, current) in stored.Where(s => !expected.ContainsKey(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            differences.Add(new ReportDifference(key, "extra", []));
            actions.Add(ReportStore.Delete(current.PartitionKey, key, current.ETag));
        }
    }

    /// <summary>Null when the figures agree exactly; otherwise each counter that differs (histogram buckets as <c>stage.durations</c>).</summary>
    private static IReadOnlyList<string>? RollupCounters(TableEntity expectedRow, TableEntity storedRow)
    {
        var expected = ReportJson.ReadFigures(expectedRow);
        var stored = ReportJson.ReadFigures(storedRow);
        if (ReportJson.Canonical(expected) == ReportJson.Canonical(stored))
        {
            return null;
        }

        var lines = new List<string>();
        foreach (var name in expected.Counts.Keys.Union(stored.Counts.Keys).Order(StringComparer.Ordinal))
        {
            if (expected.Count(name) != stored.Count(name))
            {
                lines.Add($"{name}: {stored.Count(name)} → {expected.Count(name)}");
            }
        }

        foreach (var stage in expected.Stages.Keys.Union(stored.Stages.Keys).Order(StringComparer.Ordinal))
        {
            var e = expected.Stages.GetValueOrDefault(stage) ?? new StageFigures();
            var s = stored.Stages.GetValueOrDefault(stage) ?? new StageFigures();
            foreach (var outcome in e.Counts.Keys.Union(s.Counts.Keys).Order(StringComparer.Ordinal))
            {
                if (e.Count(outcome) != s.Count(outcome))
                {
                    lines.Add($"{stage}.{outcome}: {s.Count(outcome)} → {e.Count(outcome)}");
                }
            }

            if (JsonSerializer.Serialize(e.DurationBuckets) != JsonSerializer.Serialize(s.DurationBuckets))
            {
                lines.Add($"{stage}.durations: {s.Durations.Count} → {e.Durations.Count} counted");
            }
        }

        return lines;
    }

    private static bool SameProperties(TableEntity expected, TableEntity stored) =>
        expected.Keys.Where(k => k is not ("odata.etag" or "Timestamp")).All(k => Equals(Normal(expected[k]), Normal(stored.TryGetValue(k, out var v) ? v : null)));

    /// <summary>Read-back values come in the service's types (times as UTC DateTimeOffset); compare them as such.</summary>
    private static object? Normal(object? value) => value switch
    {
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero),
        _ => value,
    };
}
