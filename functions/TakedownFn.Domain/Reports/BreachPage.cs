namespace TakedownFn.Domain.Reports;

/// <summary>
/// One page of a report's breach list. Breaches are listed in a fixed order (hour received, case,
/// stage: the order of their keys); a page takes them in that order until the next one would be its
/// group's <c>size + 1</c>-th, so each group lists at most <c>size</c>, pages never overlap or skip,
/// and a page reads at most groups × size + 1 rows however many breaches the period has.
/// </summary>
/// <param name="Rows">The breaches on this page, in key order.</param>
/// <param name="LastKey">The key of the page's last breach when more follow (the next page starts after it); null on the last page.</param>
public sealed record BreachPage(IReadOnlyList<BreachRow> Rows, string? LastKey)
{
    /// <summary>Breaches a group lists when the query names no page size.</summary>
    public const int DefaultSize = 100;

    /// <summary>The largest page size a query may ask for.</summary>
    public const int MaxSize = 1000;

    /// <summary>Takes a page from <paramref name="rows"/> (key order, starting after the previous page).</summary>
    public static async Task<BreachPage> TakeAsync(SlaReportQuery query, IAsyncEnumerable<(string Key, BreachRow Row)> rows, int size, CancellationToken cancellationToken = default)
    {
        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        var page = new List<BreachRow>();
        string? lastKey = null;
        await foreach (var (key, row) in rows.WithCancellation(cancellationToken))
        {
            var group = string.Join('\u001f', query.GroupKey(row.Hour, row.Dimensions).Select(k => $"{k.Key}={k.Value}"));
            var count = listed.GetValueOrDefault(group);
            if (count == size)
            {
                return new BreachPage(page, lastKey);
            }

            listed[group] = count + 1;
            page.Add(row);
            lastKey = key;
        }

        return new BreachPage(page, null);
    }
}
