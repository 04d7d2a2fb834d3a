using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Domain.Reports;
using TakedownFn.Ledger.Statements;
using TakedownFn.LedgerApi;
using TakedownFn.Storage.Ledger;
using TakedownFn.Storage.Reports;

namespace TakedownFn.Reports;

/// <summary>A change since a period was closed: a figure of one group (<c>path</c> as in the report JSON), frozen and now.</summary>
internal sealed record PeriodDifference(string Path, JsonNode? Frozen, JsonNode? Now);

/// <summary>
/// Closing a reporting period: the SLA report of the period, frozen as bytes, bound to the
/// tenant's ledger checkpoint current at closing and signed with the ledger key as a C2SP signed
/// note over the statement's SHA-256. The bytes are stored once and served as they are forever;
/// what changed later is shown by comparing them with the live report.
/// </summary>
internal sealed class ReportPeriods(SlaReports reports, ReportStore store, LedgerStore ledger, LedgerSigningKeys keys, TimeProvider time)
{
    /// <summary>The first line of a period statement's signed note.</summary>
    public const string NoteHeader = "takedownfn.example/report-period/v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A period's id: its bounds in UTC hours and a digest of its zone and grouping, so closing the same period twice finds the first.</summary>
    public static string PeriodId(SlaReportQuery query)
    {
        var shape = $"{query.Zone.Id}|{string.Join(',', query.GroupBy)}";
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape)))[..8];
        return $"{query.From.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}-{query.To.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}-{digest}";
    }

    /// <summary>Closes the period (or finds it closed); null when the tenant's ledger has no checkpoint to bind to yet.</summary>
    public async Task<(string PeriodId, byte[] Body, bool Created)?> CloseAsync(string tenantId, SlaReportQuery query, CancellationToken cancellationToken)
    {
        var periodId = PeriodId(query);
        if (await store.GetPeriodAsync(tenantId, periodId, cancellationToken) is { } closed)
        {
            return (periodId, closed, false);
        }

        if (await BoundCheckpoint.CurrentAsync(ledger, tenantId, cancellationToken) is not { } bound)
        {
            return null;
        }

        var (checkpoint, checkpointJson) = bound;
        var report = await reports.BuildAsync(tenantId, query, cancellationToken);
        var statement = JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                periodId,
                tenantId,
                closedAt = time.GetUtcNow(),
                checkpoint = checkpointJson,
                report,
            },
            Json);
        var body = SignedEnvelope.Seal(
            statement,
            digest => $"{NoteHeader}\n{tenantId}\n{periodId}\n{checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture)} {Convert.ToBase64String(checkpoint.RootHash)}\nsha256 {digest}\n",
            keys,
            tenantId);
        var (stored, created) = await store.ClosePeriodAsync(tenantId, periodId, body, cancellationToken);
        return (periodId, stored, created);
    }

    /// <summary>
    /// Every figure of the period's report that differs now from its frozen value (later steps on
    /// its cases, or cases received in it but recorded after closing); null when the period was
    /// never closed.
    /// </summary>
    public async Task<IReadOnlyList<PeriodDifference>?> DifferencesAsync(string tenantId, string periodId, CancellationToken cancellationToken)
    {
        if (await store.GetPeriodAsync(tenantId, periodId, cancellationToken) is not { } body)
        {
            return null;
        }

        var frozen = JsonNode.Parse(body)!["statement"]!["report"]!;
        var (query, _) = SlaReportQuery.Parse(
            frozen["from"]!.GetValue<DateTimeOffset>().ToString("O", CultureInfo.InvariantCulture),
            frozen["to"]!.GetValue<DateTimeOffset>().ToString("O", CultureInfo.InvariantCulture),
            frozen["tz"]!.GetValue<string>(),
            string.Join(',', frozen["groupBy"]!.AsArray().Select(g => g!.GetValue<string>())));
        var now = JsonSerializer.SerializeToNode(await reports.BuildAsync(tenantId, query!, cancellationToken), Json)!;
        var before = Flatten(frozen);
        var after = Flatten(now);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => new PeriodDifference(k, Parse(before.GetValueOrDefault(k)), Parse(after.GetValueOrDefault(k))))
            .ToList();
    }

    /// <summary>
    /// The report's figures by path: groups by their key (not their position), the totals under
    /// <c>total</c> (their key is empty, which as <c>groups[]</c> would name no group), stages by
    /// name, breaches by case and stage.
    /// </summary>
    private static Dictionary<string, string> Flatten(JsonNode report)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in report["groups"]!.AsArray())
        {
            var key = group!["key"]!.AsObject().Select(k => $"{k.Key}={k.Value}");
            JsonFigures.Flatten(group, $"groups[{string.Join(',', key)}]", ItemKey, values);
        }

        JsonFigures.Flatten(report["total"], "total", ItemKey, values);
        return values;
    }

    private static string ItemKey(JsonNode? item) => item switch
    {
        JsonObject o when o["stage"] is { } stage && o["caseId"] is { } caseId => $"{caseId}/{stage}",
        JsonObject o when o["stage"] is { } stage => stage.ToString(),
        _ => item?.ToJsonString() ?? "null",
    };

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
