using Microsoft.OpenApi;
using TakedownFn.Http;

namespace TakedownFn.OpenApi;

/// <summary>
/// The query and header parameters each endpoint reads itself (so that both hosts answer a bad one
/// with the same problem details naming it); a parameter bound by the handler's signature is
/// described by the generator and needs no entry. Every endpoint here answers 400 for a bad value.
/// </summary>
internal static class QueryParameters
{
    private const string Period = "An ISO 8601 date (UTC midnight) or instant with an offset.";

    private static readonly Param IdempotencyKey = new(IdempotencyKeyHeader.Name, "1–255 printable ASCII characters: a retry with the same key records nothing twice.", In: ParameterLocation.Header);
    private static readonly Param PageSize = new("pageSize", "Page size.", Integer: true);
    private static readonly Param Continuation = new("continuation", "The `continuation` of the previous page.");

    private static readonly Dictionary<string, Param[]> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST api/notices"] = [IdempotencyKey],
        ["POST api/notices/batch"] = [IdempotencyKey],
        ["POST api/cases/{id}/steps"] = [IdempotencyKey],
        ["GET api/cases"] =
        [
            new("state", "Only cases in this state."),
            new("regime", "Only cases under this regime id."),
            new("from", "Accepted at or after this instant."),
            new("to", "Accepted before this instant."),
            PageSize with { Description = "Page size, 1–200 (default 50)." },
            Continuation,
        ],
        ["GET api/cases/{id}/evidence"] =
        [
            new("format", "`json` (the default) or `pdf`.", Enum: ["json", "pdf"]),
            new("disclose", "`personal`: officers only; adds the case's personal fields beside their commitment (recorded as a `personal-data-disclosed` step).", Enum: ["personal"]),
        ],
        ["GET api/incidents"] = [PageSize with { Description = "Page size, 1–1,000 (default 100)." }, Continuation],
        ["GET api/ledger/proofs/inclusion"] =
        [
            new("size", "The tree size to prove in (default: the latest checkpoint's).", Integer: true),
            new("index", "The leaf's index; give either this or `eventId`.", Integer: true),
            new("eventId", "The step's event id; give either this or `index`."),
        ],
        ["GET api/ledger/proofs/consistency"] =
        [
            new("from", "The earlier tree size (at least 1).", Required: true, Integer: true),
            new("to", "The later tree size (default: the latest checkpoint's).", Integer: true),
        ],
        ["GET api/ledger/leaves"] =
        [
            new("start", "The first leaf's index (default 0).", Integer: true),
            new("count", "How many leaves (default 100).", Integer: true),
        ],
        ["GET api/reports/sla"] =
        [
            new("from", Period, Required: true),
            new("to", Period, Required: true),
            new("tz", "The IANA time zone of days, weeks and months (default UTC)."),
            new("groupBy", "Comma-separated: regime, category, severity, stage, source, and at most one of day, week, month."),
            new("breaches", "Breached cases listed per group, 1–1000 (default 100); `breachCount` is always the whole count.", Integer: true),
            new("breachesAfter", "The `breachesNext` token of the previous page."),
        ],
        ["GET api/reports/dsa-transparency"] =
        [
            new("from", Period, Required: true),
            new("to", Period, Required: true),
            new("tz", "The IANA time zone of the period's dates (default UTC)."),
            new("regimes", "Comma-separated regime ids counted (default: the DSA regimes)."),
            new("part", "With `Accept: text/csv`: `notices` (the default) or `identification`.", Enum: ["notices", "identification"]),
        ],
        ["GET api/reports/safe-harbour"] =
        [
            new("from", Period, Required: true),
            new("to", Period, Required: true),
            new("regime", "Only cases under this regime id."),
            new("format", "`json` (the default) or `pdf`.", Enum: ["json", "pdf"]),
        ],
        ["GET api/reports/statements-of-reasons"] =
        [
            new("from", "First restriction recorded at or after this instant.", Required: true),
            new("to", "… and before this instant.", Required: true),
        ],
    };

    public static IReadOnlyList<Param>? For(string? method, string? relativePath) =>
        Table.GetValueOrDefault($"{method} {relativePath?.TrimStart('/')}");

    /// <summary>One parameter: a string unless <paramref name="Integer"/>, in the query unless <paramref name="In"/> says otherwise.</summary>
    internal sealed record Param(string Name, string Description, bool Required = false, bool Integer = false, IReadOnlyList<string>? Enum = null, ParameterLocation In = ParameterLocation.Query)
    {
        public OpenApiParameter ToOpenApi() => new()
        {
            Name = Name,
            In = In,
            Description = Description,
            Required = Required,
            Schema = new OpenApiSchema
            {
                Type = Integer ? JsonSchemaType.Integer : JsonSchemaType.String,
                Enum = Enum?.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList(),
            },
        };
    }
}
