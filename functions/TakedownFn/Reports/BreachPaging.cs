using System.Buffers.Text;
using System.Globalization;
using System.Text;
using TakedownFn.Domain.Reports;
using TakedownFn.Domain.Validation;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

/// <summary>
/// The SLA report's <c>breaches</c> (page size per group) and <c>breachesAfter</c> (continuation
/// token) parameters. The token is the last listed breach row's key (hour, case id, stage: ids and
/// times only), base64url-encoded; clients pass it back unchanged.
/// </summary>
/// <param name="Size">Breaches listed per group at most.</param>
/// <param name="AfterKey">The row key the page starts after, or null for the first page.</param>
internal sealed record BreachPaging(int Size, string? AfterKey)
{
    private const int MaxTokenLength = 200;

    public static string Token(string rowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    /// <summary>Reads the two parameters; errors name the parameter.</summary>
    public static (BreachPaging? Paging, IReadOnlyList<ValidationError> Errors) Parse(string? size, string? after)
    {
        var errors = new List<ValidationError>();
        var pageSize = BreachPage.DefaultSize;
        if (size is not null && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > BreachPage.MaxSize))
        {
            errors.Add(new ValidationError("breaches", $"must be a whole number from 1 to {BreachPage.MaxSize} (breaches listed per group)"));
        }

        string? key = null;
        if (after is not null && (after.Length > MaxTokenLength || !TryDecode(after, out key)))
        {
            errors.Add(new ValidationError("breachesAfter", "is not a continuation token this report gave (pass breachesNext back unchanged)"));
        }

        return errors.Count > 0 ? (null, errors) : (new BreachPaging(pageSize, key), errors);
    }

    private static bool TryDecode(string token, out string? key)
    {
        key = null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            if (!text.StartsWith(ReportKeys.BreachesFrom, StringComparison.Ordinal) || text.Any(char.IsControl))
            {
                return false;
            }

            key = text;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
