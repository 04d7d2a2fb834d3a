namespace TakedownFn.Storage;

/// <summary>Point reads of many rows at once, a bounded number in flight (a fold round reads hundreds).</summary>
internal static class ConcurrentReads
{
    /// <summary>Reads in flight at most.</summary>
    public const int MaxInFlight = 16;

    /// <summary>Calls <paramref name="read"/> for every id, at most <see cref="MaxInFlight"/> at a time; results in the ids' order.</summary>
    public static async Task<T[]> ReadAsync<T>(IReadOnlyList<string> ids, Func<string, Task<T>> read, CancellationToken cancellationToken)
    {
        var results = new T[ids.Count];
        using var gate = new SemaphoreSlim(MaxInFlight);
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                results[i] = await read(id);
            }
            finally
            {
                gate.Release();
            }
        }));
        return results;
    }
}
