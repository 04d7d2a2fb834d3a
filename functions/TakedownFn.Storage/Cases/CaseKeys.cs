using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Storage.Cases;

/// <summary>
/// The row layout of the cases table. Every row of a tenant lives in the tenant's partition, so a
/// case, its events, its index rows and its outbox row change together in one entity group
/// transaction (all or nothing). Row keys hold ids and hashes only, never personal data.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>c|{caseId}</c></term><description>the case (state, deadlines, the notice as submitted)</description></item>
/// <item><term><c>e|{caseId}|{seq}</c></term><description>the case's steps, appended, in order</description></item>
/// <item><term><c>r|{sha256(platform reference)}</c></term><description>one case per platform reference</description></item>
/// <item><term><c>k|{sha256(Idempotency-Key)}</c></term><description>one case per idempotency key</description></item>
/// <item><term><c>q|{sha256(Idempotency-Key)}</c></term><description>one batch request per idempotency key, with its answer</description></item>
/// <item><term><c>s|{caseId}|{sha256(Idempotency-Key)}</c></term><description>one step per idempotency key</description></item>
/// <item><term><c>o|{caseId}</c></term><description>accepted but not yet processed: the sweep re-enqueues these</description></item>
/// <item><term><c>l|{eventId}</c></term><description>a step not yet in the tenant's ledger: the sequencer consumes these</description></item>
/// <item><term><c>t|{dueAt}|{caseId}|{stage}|{kind}</c></term><description>an SLA timer not yet handled (warning, breach), or an
/// escalation not yet delivered: due-time first, so "everything due and not handled" is one range query</description></item>
/// <item><term><c>b|{caseId}|{stage}</c></term><description>a recorded breach whose stage is still open (the at-risk view)</description></item>
/// <item><term><c>u|{caseId}</c></term><description>the case changed since the report rollups last folded it</description></item>
/// <item><term><c>p|{caseId}</c></term><description>a case with a provisional deadline, and the calendar data it was computed
/// with: the sweep recomputes it when that data changes</description></item>
/// </list>
/// A tenant's partition takes at most about 2,000 entities/s in Azure; at six rows per notice
/// that is several hundred notices a second per platform, well above notice volumes seen in
/// practice (DSA transparency reports: millions a year for the largest platforms).
/// </remarks>
public static class CaseKeys
{
    public const int CaseIdLength = 22;

    /// <summary>A new case id: 12 hex digits of Unix milliseconds, then 10 random hex digits, so ids sort by acceptance time.</summary>
    public static string NewCaseId(DateTimeOffset acceptedAt) =>
        acceptedAt.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    /// <summary>True for strings shaped like our case ids (checked before any key is built from a URL).</summary>
    public static bool IsCaseId(string? value) =>
        value is { Length: CaseIdLength } && value.All(char.IsAsciiHexDigitLower);

    /// <summary>The smallest case id accepted at or after <paramref name="instant"/>.</summary>
    public static string CaseIdFloor(DateTimeOffset instant) =>
        Math.Max(0, instant.ToUnixTimeMilliseconds()).ToString("x12", CultureInfo.InvariantCulture) + new string('0', 10);

    public static string Case(string caseId) => $"c|{caseId}";

    public static string Event(string caseId, int sequence) => $"e|{caseId}|{sequence.ToString("D5", CultureInfo.InvariantCulture)}";

    public static string EventsFrom(string caseId) => $"e|{caseId}|";

    public static string EventsTo(string caseId) => $"e|{caseId}}}";

    public static string Reference(string platformReference) => $"r|{Hash(platformReference)}";

    public static string IdempotencyKey(string key) => $"k|{Hash(key)}";

    public static string BatchKey(string key) => $"q|{Hash(key)}";

    public static string StepKey(string caseId, string key) => $"s|{caseId}|{Hash(key)}";

    public static string Outbox(string caseId) => $"o|{caseId}";

    /// <summary>An event not yet sequenced into the tenant's ledger.</summary>
    public static string PendingLeaf(string eventId) => $"l|{eventId}";

    public const string PendingLeavesFrom = "l|";
    public const string PendingLeavesTo = "l}";

    /// <summary>An SLA timer's index row; the due time is fixed-width UTC, so keys sort by due time.</summary>
    public static string Timer(string caseId, string stage, string kind, DateTimeOffset dueAt) => $"{TimersFrom}{SortableTime(dueAt)}|{caseId}|{stage}|{kind}";

    /// <summary>The upper bound (exclusive) of timer rows due at or before <paramref name="instant"/>.</summary>
    public static string TimersDueBy(DateTimeOffset instant) => $"{TimersFrom}{SortableTime(instant)}|~";

    /// <summary>The lower bound (inclusive) of timer rows due at or after <paramref name="instant"/>.</summary>
    public static string TimersDueFrom(DateTimeOffset instant) => $"{TimersFrom}{SortableTime(instant)}";

    public const string TimersFrom = "t|";

    public static string OpenBreach(string caseId, string stage) => $"b|{caseId}|{stage}";

    public static string Provisional(string caseId) => $"p|{caseId}";

    public const string ProvisionalFrom = "p|";
    public const string ProvisionalTo = "p}";

    public const string OpenBreachesFrom = "b|";
    public const string OpenBreachesTo = "b}";

    /// <summary>A case changed since its report contribution was last folded (upserted with every change).</summary>
    public static string ReportTodo(string caseId) => $"u|{caseId}";

    /// <summary>
    /// The tenant's report change marker, upserted with every to-do row (outside their range): its
    /// ETag changes with every change a fold has yet to see, so a report that finds it equal to the
    /// last complete fold's knows nothing is pending without reading the to-do range.
    /// </summary>
    public const string ReportChanges = "u!";

    public const string ReportTodosFrom = "u|";
    public const string ReportTodosTo = "u}";

    public const string CasesFrom = "c|";
    public const string CasesTo = "c}";
    public const string OutboxFrom = "o|";
    public const string OutboxTo = "o}";

    /// <summary>UTC with seven fractional digits and a fixed width, so ordinal order is time order (years 0001–9999).</summary>
    public static string SortableTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of the UTF-8 text, lower-case hex: key-safe whatever the text holds.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
