using Azure;
using Microsoft.Extensions.Caching.Memory;

namespace TakedownFn.Reports;

/// <summary>
/// The state of a tenant's report rows when nothing is pending: the cases' change marker (the ETag of
/// the cases table's <c>u!</c> row) equals the marker the last complete fold recorded in <c>w|fold</c>,
/// and <paramref name="Fold"/> is that <c>w|fold</c> row's own ETag.
/// </summary>
internal sealed record ReportStamp(string Marker, ETag Fold);

/// <summary>
/// Built reports kept in process memory, keyed by tenant, the normalised query and the
/// <see cref="ReportStamp"/> they were built under; a report is served from here, or stored here,
/// only when nothing is pending (<see cref="ReportFolding.EnsureFoldedAsync"/> answered a stamp).
/// </summary>
/// <remarks>
/// Why an entry cannot serve stale figures: the rollup, breach and fact rows change only by folding
/// to-do rows, and every transaction that writes a to-do row (a notice accepted, a step recorded, an
/// erasure) also rewrites the marker row, so the marker's ETag moves with every case change, in
/// every instance sharing the storage. A complete fold records the marker it started from in
/// <c>w|fold</c>. So while the marker still equals the value an entry was built under, no case changed
/// since; and while <c>w|fold</c> keeps the same ETag, no fold or repair wrote since either. Anything
/// that rewrites rollups outside the fold (the reconciliation's repair) rewrites <c>w|fold</c>, so its
/// ETag moves. ETags never repeat, so an entry whose stamp moved is never hit again and ages out by
/// the size limit. Closed periods do not come here: their statements are frozen rows of their own.
/// </remarks>
internal sealed class ReportCache : IDisposable
{
    /// <summary>Default of <c>TakedownFn:Reports:CacheSize</c>: rows (groups, breaches, rollup rows) held at most.</summary>
    public const long DefaultSize = 100_000;

    private readonly MemoryCache cache;

    public ReportCache(IConfiguration configuration)
    {
        var size = configuration.GetValue("TakedownFn:Reports:CacheSize", DefaultSize);
        if (size < 0)
        {
            throw new InvalidOperationException("TakedownFn:Reports:CacheSize must be 0 (no cache) or a positive number of rows.");
        }

        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = size });
    }

    /// <summary>
    /// The cached value for <paramref name="query"/> under <paramref name="stamp"/>, or the one
    /// <paramref name="build"/> makes (stored when <paramref name="stamp"/> is given, i.e. nothing was
    /// pending). <paramref name="size"/> weighs a value in rows against the size limit.
    /// </summary>
    public async Task<(T Value, bool Hit)> GetOrBuildAsync<T>(string tenantId, string query, ReportStamp? stamp, Func<Task<T>> build, Func<T, long> size)
        where T : class
    {
        var key = stamp is null ? null : new Key(tenantId, query, stamp);
        if (key is not null && cache.TryGetValue(key, out T? hit) && hit is not null)
        {
            return (hit, true);
        }

        var value = await build();
        if (key is not null)
        {
            cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)) });
        }

        return (value, false);
    }

    public void Dispose() => cache.Dispose();

    private sealed record Key(string TenantId, string Query, ReportStamp Stamp);
}
