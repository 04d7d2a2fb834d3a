using Azure;
using Azure.Data.Tables;
using TakedownFn.Domain.Reports;

namespace TakedownFn.Storage.Reports;

/// <summary>A case to fold: its contribution as last folded (null if never) and as it is now.</summary>
public sealed record FoldChange(StoredFact? Old, CaseContribution New);

public sealed partial class ReportStore
{
    private const int CasesPerFold = 8;

    /// <summary>
    /// Folds cases into the rollups: for each case whose contribution changed, its fact row, the
    /// rollup rows it leaves and joins (old figures out, new in; the hour's row and the day's row of
    /// the day tier alike) and its breach rows, in one
    /// transaction conditional on the fact and rollup rows' ETags. A case folded twice finds its
    /// fact row equal to its contribution and writes nothing, so redelivery counts once. Returns
    /// the cases written; those that lost a race (someone folded them meanwhile) are left for the
    /// caller to read and fold again.
    /// </summary>
    public async Task<IReadOnlyList<string>> FoldAsync(string tenantId, IReadOnlyList<FoldChange> changes, CancellationToken cancellationToken = default)
    {
        var changed = changes.Where(c => c.Old is null || !SameContribution(c.Old.Contribution, c.New)).ToList();
        var folded = new List<string>();
        foreach (var group in changed.Chunk(CasesPerFold))
        {
            folded.AddRange(await FoldGroupAsync(tenantId, group, cancellationToken));
        }

        // Unchanged cases need no write: they are folded already.
        folded.AddRange(changes.Except(changed).Select(c => c.New.CaseId));
        return folded;
    }

    private async Task<IReadOnlyList<string>> FoldGroupAsync(string tenantId, IReadOnlyList<FoldChange> group, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<string, RollupRow>(StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        foreach (var (old, now) in group)
        {
            if (old is not null)
            {
                AddDelta(deltas, old.Contribution, -1);
            }

            AddDelta(deltas, now, 1);
            actions.Add(Put(ReportRows.Fact(tenantId, now), old?.ETag));
            var keep = now.Breaches.Select(b => ReportKeys.Breach(now.Hour, b.CaseId, b.Stage)).ToHashSet(StringComparer.Ordinal);
            actions.AddRange(old?.Contribution.Breaches
                .Select(b => ReportKeys.Breach(old.Contribution.Hour, b.CaseId, b.Stage))
                .Where(k => !keep.Contains(k))
                .Select(k => Delete(tenantId, k, ETag.All)) ?? []);
            actions.AddRange(now.Breaches.Select(b => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ReportRows.Breach(tenantId, now.Hour, now.Dimensions, b))));
        }

        // The rows to change are read concurrently: each is a point read.
        var changing = deltas.Where(d => !d.Value.Figures.IsEmpty).ToList();
        var stored = await Task.WhenAll(changing.Select(d => GetRollupAsync(tenantId, d.Key, cancellationToken)));
        for (var i = 0; i < changing.Count; i++)
        {
            var (key, delta) = changing[i];
            var figures = stored[i]?.Row.Figures ?? new SlaFigures();
            figures.Merge(delta.Figures);
            actions.Add(figures.IsEmpty
                ? Delete(tenantId, key, stored[i]!.ETag)
                : Put(ReportRows.Rollup(tenantId, key, delta with { Figures = figures }), stored[i]?.ETag));
        }

        if (actions.Count > MaxOperationsPerTransaction && group.Count > 1)
        {
            var half = group.Count / 2;
            return [.. await FoldGroupAsync(tenantId, group.Take(half).ToList(), cancellationToken), .. await FoldGroupAsync(tenantId, group.Skip(half).ToList(), cancellationToken)];
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return group.Select(c => c.New.CaseId).ToList();
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            // Another fold changed a fact or rollup row first; nothing of this group was written.
            return [];
        }
    }

    private static void AddDelta(Dictionary<string, RollupRow> deltas, CaseContribution contribution, int sign)
    {
        var day = RollupPlan.DayOf(contribution.Hour);
        foreach (var (key, at) in new[] { (ReportKeys.Rollup(contribution.Hour, contribution.Dimensions), contribution.Hour), (ReportKeys.Day(day, contribution.Dimensions), day) })
        {
            if (!deltas.TryGetValue(key, out var row))
            {
                deltas[key] = row = new RollupRow(at, contribution.Dimensions, new SlaFigures());
            }

            row.Figures.Merge(contribution.Figures, sign);
        }
    }

    private static bool SameContribution(CaseContribution a, CaseContribution b) =>
        System.Text.Json.JsonSerializer.Serialize(a, ReportJson.Options) == System.Text.Json.JsonSerializer.Serialize(b, ReportJson.Options);
}
