using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Cases.Steps;

/// <summary>
/// Validates a step's payload and turns it into a <see cref="CaseStep"/>. Whether the step is
/// accepted in the case's current state is a separate question for <see cref="CaseStateMachine"/>.
/// </summary>
public static partial class StepIntake
{
    public const int MaxReasonLength = 2_000;
    public const int MaxLabelLength = 500;
    public const int MaxReferenceLength = 256;
    public const int MaxSnapshotLocationLength = 4_096;
    public const int MaxRegions = 250;

    /// <summary>A century: longer than any retention rule we know, short enough to catch unit mistakes (hours sent as days).</summary>
    public const int MaxRetentionDays = 36_525;

    /// <summary>
    /// Parses a step, reporting every error. All present fields are checked for text rules; the
    /// fields a kind requires are checked for presence. <paramref name="now"/> refuses occurrence
    /// times beyond <see cref="NoticeLimits.FutureTolerance"/> in the future.
    /// </summary>
    public static ParseResult<CaseStep> Parse(StepSubmission? submission, DateTimeOffset now)
    {
        var errors = new ErrorList();
        if (submission is null)
        {
            errors.Add(NoticeIntake.RootField, "a step is required");
            return ParseResult<CaseStep>.Failure(errors.ToReadOnlyList());
        }

        StepKind? kind = null;
        if (string.IsNullOrWhiteSpace(submission.Kind))
        {
            errors.Add("kind", TextRules.Required);
        }
        else if (WireIds.TryParse(submission.Kind, out StepKind parsedKind))
        {
            kind = parsedKind;
        }
        else
        {
            errors.Add("kind", "is not a known step kind");
        }

        var occurredAt = submission.OccurredAt;
        if (occurredAt is null)
        {
            errors.Add("occurredAt", TextRules.Required);
        }
        else if (occurredAt.Value > now + NoticeLimits.FutureTolerance)
        {
            errors.Add("occurredAt", "must not be in the future");
        }

        var step = ParsePayload(errors, submission, kind);
        if (!errors.IsEmpty || kind is null || occurredAt is null)
        {
            return ParseResult<CaseStep>.Failure(errors.ToReadOnlyList());
        }

        return ParseResult<CaseStep>.Success(step with { Kind = kind.Value, OccurredAt = occurredAt.Value });
    }

    private static CaseStep ParsePayload(ErrorList errors, StepSubmission s, StepKind? kind)
    {
        bool Is(params StepKind[] kinds) => kind is { } k && kinds.Contains(k);

        var reason = Is(StepKind.NoAction, StepKind.Correction)
            ? TextRules.Require(errors, "reason", s.Reason, MaxReasonLength, multiline: true)
            : TextRules.Optional(errors, "reason", s.Reason, MaxReasonLength, multiline: true);
        var label = Is(StepKind.ContentLabelled)
            ? TextRules.Require(errors, "label", s.Label, MaxLabelLength)
            : TextRules.Optional(errors, "label", s.Label, MaxLabelLength);
        var account = Is(StepKind.AccountRestricted, StepKind.AccountSuspended)
            ? TextRules.Require(errors, "accountReference", s.AccountReference, MaxReferenceLength)
            : TextRules.Optional(errors, "accountReference", s.AccountReference, MaxReferenceLength);
        var reference = TextRules.Optional(errors, "reference", s.Reference, MaxReferenceLength);

        if (s.SuspendedUntil is { } until && s.OccurredAt is { } occurred && until <= occurred)
        {
            errors.Add("suspendedUntil", "must be after occurredAt");
        }

        return new CaseStep
        {
            Kind = default,
            OccurredAt = default,
            Reason = reason,
            Regions = ParseRegions(errors, s.Regions, required: Is(StepKind.ContentGeoRestricted)),
            Label = label,
            AccountReference = account,
            SuspendedUntil = s.SuspendedUntil,
            Evidence = ParseEvidence(errors, s.Evidence, required: Is(StepKind.EvidencePreserved)),
            CorrectsStepId = ParseCorrectsStepId(errors, s.CorrectsStepId, required: Is(StepKind.Correction)),
            Topic = ParseEnum<NotificationTopic>(errors, "topic", s.Topic, required: Is(StepKind.NotifierInformed), WireIds.TryParse),
            MissingElements = ParseElements(errors, "missingElements", s.MissingElements, required: Is(StepKind.Incomplete)),
            SuppliedElements = ParseElements(errors, "suppliedElements", s.SuppliedElements, required: Is(StepKind.NoticeSupplemented)),
            Severity = ParseEnum<SeverityLevel>(errors, "severity", s.Severity, required: Is(StepKind.Triaged), WireIds.TryParse),
            ErrorCode = ParseErrorCode(errors, s.ErrorCode, required: Is(StepKind.ProcessingFailed)),
            Reference = reference,
            Statement = ParseStatement(errors, s, kind),
            Measures = ParseMeasures(errors, s.Measures, required: Is(StepKind.SurgeResponse)),
            Basis = ParseBasis(errors, s.Basis, kind),
        };
    }

    /// <summary>The grounds an action on the content is recorded on: <c>law</c> (illegal content) or <c>terms</c> (the terms and conditions).</summary>
    public static readonly IReadOnlyList<string> Basis = ["law", "terms"];

    private static readonly StepKind[] ActionsOnContent = [StepKind.ContentRemoved, StepKind.ContentDisabled, StepKind.ContentGeoRestricted, StepKind.ContentLabelled];

    private static string? ParseBasis(ErrorList errors, string? basis, StepKind? kind)
    {
        if (basis is null)
        {
            return null;
        }

        if (kind is { } k && !ActionsOnContent.Contains(k))
        {
            errors.Add("basis", "is only recorded with an action on the content: " + string.Join(", ", ActionsOnContent.Select(a => a.ToId())));
            return null;
        }

        if (!Basis.Contains(basis))
        {
            errors.Add("basis", "must be law or terms");
            return null;
        }

        return basis;
    }

    private static Dsa.StatementFields? ParseStatement(ErrorList errors, StepSubmission s, StepKind? kind)
    {
        if (s.Statement is null)
        {
            return null;
        }

        if (kind is not StepKind.StatementOfReasonsSent)
        {
            errors.Add(Dsa.StatementIntake.Field, "is only recorded with a statement-of-reasons-sent step");
            return null;
        }

        foreach (var error in Dsa.StatementIntake.Check(s.Statement, s.OccurredAt ?? DateTimeOffset.UnixEpoch))
        {
            errors.Add(error.Field, error.Message);
        }

        return s.Statement;
    }
}
