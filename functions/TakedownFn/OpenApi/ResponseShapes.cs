using Microsoft.AspNetCore.Mvc;
using TakedownFn.Domain.Reports;
using TakedownFn.Ledger.Statements;

namespace TakedownFn.OpenApi;

// The shapes of answers whose bodies are written by hand (signed statements keep their exact
// bytes; a few problems carry extension members). They exist to be described: the document is
// generated from them, and ResponseConformanceTests hold every answer the app gives to it.

/// <summary>A signed statement as served: the statement's own bytes, their SHA-256 and the C2SP signed note over both.</summary>
internal sealed record SignedStatementAnswer<T>(T Statement, string StatementSha256, string SignedNote);

/// <summary>The checkpoint a statement is bound to.</summary>
internal sealed record StatementCheckpoint(string Origin, long TreeSize, string RootHash, string Note);

/// <summary>A closed period (<see cref="Reports.ReportPeriods.CloseAsync"/>): the SLA report frozen at closing.</summary>
internal sealed record PeriodStatement(string PeriodId, string TenantId, DateTimeOffset ClosedAt, StatementCheckpoint Checkpoint, SlaReport Report);

/// <summary>The period safe-harbour statement (<see cref="SafeHarbour.SafeHarbourStatements.BuildAsync"/>).</summary>
internal sealed record SafeHarbourStatementBody(
    string StatementId, string TenantId, DateTimeOffset From, DateTimeOffset To, string? Regime, DateTimeOffset GeneratedAt, StatementCheckpoint Checkpoint, SafeHarbourFigures Figures);

/// <summary>409 to a step the case's state (or notice) does not allow, with the steps that would be.</summary>
internal sealed class StepNotAllowedProblem : ProblemDetails
{
    public required string CurrentState { get; init; }

    public required string Validation { get; init; }

    public required IReadOnlyList<string> AllowedNextSteps { get; init; }
}

/// <summary>422: a platform reference or <c>Idempotency-Key</c> reused for different content; <c>errors</c> names it.</summary>
internal sealed class IdentifierReusedProblem : ProblemDetails
{
    public required IDictionary<string, string[]> Errors { get; init; }
}

/// <summary>409 to an evidence bundle whose steps are not all under a signed checkpoint yet.</summary>
internal sealed class NotYetInLogProblem : ProblemDetails
{
    public required int RetryAfterSeconds { get; init; }
}

/// <summary>The legal hold an erasure ran into: the step that set it and when.</summary>
internal sealed record HoldReference(string StepId, DateTimeOffset SetAt);

/// <summary>
/// 409 to an erasure: a legal hold is on (<c>hold</c>, and <c>refusalStepId</c>, the step recording the
/// refusal), or the case's notice is still being judged (neither member).
/// </summary>
internal sealed class ErasureConflictProblem : ProblemDetails
{
    public HoldReference? Hold { get; init; }

    public string? RefusalStepId { get; init; }
}
