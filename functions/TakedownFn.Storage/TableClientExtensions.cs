using Azure.Data.Tables;

namespace TakedownFn.Storage;

/// <summary>Reads of one row where "no such row" is an answer, not an error.</summary>
internal static class TableClientExtensions
{
    /// <summary>The row, or null when there is none (the SDK's <c>NullableResponse</c> without a value).</summary>
    public static async Task<TableEntity?> GetEntityOrNullAsync(this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
