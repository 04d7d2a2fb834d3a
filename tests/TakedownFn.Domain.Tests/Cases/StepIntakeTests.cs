using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Cases.Steps;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Tests.Cases;

public class StepIntakeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Sha256OfEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static StepSubmission Step(string kind) => new() { Kind = kind, OccurredAt = Now.AddMinutes(-10) };

    private static string[] FieldsOf(ParseResult<CaseStep> result) => result.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("content-removed")]
    [InlineData("content-disabled")]
    [InlineData("notice-forwarded-to-uploader")]
    [InlineData("statement-of-reasons-sent")]
    [InlineData("counter-notice-received")]
    [InlineData("counter-notice-forwarded-to-notifier")]
    [InlineData("content-restored")]
    [InlineData("lawsuit-notified")]
    [InlineData("case-closed")]
    [InlineData("received")]
    [InlineData("validated")]
    [InlineData("processing-retried")]
    public void Parse_StepWithoutRequiredPayload_IsValid(string kind)
    {
        var result = StepIntake.Parse(Step(kind), Now);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(kind, result.Value.Kind.ToId());
    }

    /// <summary>Each kind with a required payload, submitted without it, reports exactly the missing field.</summary>
    [Theory]
    [InlineData("no-action", "reason")]
    [InlineData("correction", "correctsStepId")]
    [InlineData("content-geo-restricted", "regions")]
    [InlineData("content-labelled", "label")]
    [InlineData("account-restricted", "accountReference")]
    [InlineData("account-suspended", "accountReference")]
    [InlineData("evidence-preserved", "evidence")]
    [InlineData("notifier-informed", "topic")]
    [InlineData("incomplete", "missingElements")]
    [InlineData("triaged", "severity")]
    [InlineData("processing-failed", "errorCode")]
    [InlineData("notice-supplemented", "suppliedElements")]
    public void Parse_RequiredPayloadMissing_ReportsThatField(string kind, string field)
    {
        var submission = Step(kind);
        if (kind == "correction")
        {
            submission = submission with { Reason = "wrong hash recorded" };
        }

        var result = StepIntake.Parse(submission, Now);

        Assert.False(result.IsValid);
        Assert.Equal([field], FieldsOf(result));
    }

    [Fact]
    public void Parse_EmptyStep_ReportsKindAndTime()
    {
        Assert.Equal(["kind", "occurredAt"], FieldsOf(StepIntake.Parse(new StepSubmission(), Now)));
        Assert.Equal(["$"], FieldsOf(StepIntake.Parse(null, Now)));
    }

    [Theory]
    [InlineData("content_removed")]
    [InlineData("Content-Removed")]
    [InlineData("deleted")]
    public void Parse_UnknownKind_ReportsKind(string kind)
    {
        Assert.Equal(["kind"], FieldsOf(StepIntake.Parse(Step(kind), Now)));
    }

    [Fact]
    public void Parse_OccurredInTheFuture_Rejected()
    {
        Assert.Equal(["occurredAt"], FieldsOf(StepIntake.Parse(Step("content-removed") with { OccurredAt = Now.AddHours(1) }, Now)));
        Assert.True(StepIntake.Parse(Step("content-removed") with { OccurredAt = Now.AddMinutes(4) }, Now).IsValid);
    }

    [Fact]
    public void Parse_EvidencePreserved_KeepsHashRetentionAndHold()
    {
        var submission = Step("evidence-preserved") with
        {
            Evidence = new EvidenceSubmission
            {
                ContentHash = Sha256OfEmpty.ToUpperInvariant(), RetentionDays = 365, LegalHold = true,
                SnapshotLocation = "vault://evidence/2025/06/case-1.warc",
            },
        };

        var evidence = StepIntake.Parse(submission, Now).Value?.Evidence;

        Assert.NotNull(evidence);
        Assert.Equal(Sha256OfEmpty, evidence.ContentHash);
        Assert.Equal(TimeSpan.FromDays(365), evidence.RetentionPeriod);
        Assert.True(evidence.LegalHold);
    }

    [Theory]
    [InlineData(null, 365, "evidence.contentHash")]
    [InlineData("e3b0c442", 365, "evidence.contentHash")]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 365, "evidence.contentHash")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550", 365, "evidence.contentHash")]
    [InlineData(Sha256OfEmpty, null, "evidence.retentionDays")]
    [InlineData(Sha256OfEmpty, 0, "evidence.retentionDays")]
    [InlineData(Sha256OfEmpty, -1, "evidence.retentionDays")]
    [InlineData(Sha256OfEmpty, 36_526, "evidence.retentionDays")]
    public void Parse_EvidenceWithBadHashOrRetention_ReportsThatField(string? hash, int? days, string field)
    {
        var submission = Step("evidence-preserved") with { Evidence = new EvidenceSubmission { ContentHash = hash, RetentionDays = days } };

        Assert.Equal([field], FieldsOf(StepIntake.Parse(submission, Now)));
    }

    [Fact]
    public void Parse_CorrectionOfAnEventId_IsValid_ButNotOfAnyString()
    {
        var target = EventIds.For("case-1", StepKind.EvidencePreserved, "m-1");
        var good = Step("correction") with { CorrectsStepId = target, Reason = "snapshot location was mistyped" };
        var bad = good with { CorrectsStepId = "step-7" };
        var noReason = good with { Reason = " " };

        Assert.Equal(target, StepIntake.Parse(good, Now).Value?.CorrectsStepId);
        Assert.Equal(["correctsStepId"], FieldsOf(StepIntake.Parse(bad, Now)));
        Assert.Equal(["reason"], FieldsOf(StepIntake.Parse(noReason, Now)));
    }

    [Fact]
    public void Parse_GeoRestriction_AcceptsAlpha2CodesOnly()
    {
        var good = StepIntake.Parse(Step("content-geo-restricted") with { Regions = ["DE", "AT", "DE"] }, Now);
        var bad = StepIntake.Parse(Step("content-geo-restricted") with { Regions = ["DE", "de", "DEU", null] }, Now);

        Assert.Equal(["DE", "AT"], good.Value?.Regions);
        Assert.Equal(["regions[1]", "regions[2]", "regions[3]"], FieldsOf(bad));
    }

    [Fact]
    public void Parse_SuspensionEndingBeforeItStarts_Rejected()
    {
        var submission = Step("account-suspended") with { AccountReference = "acct-991", SuspendedUntil = Now.AddDays(-1) };

        Assert.Equal(["suspendedUntil"], FieldsOf(StepIntake.Parse(submission, Now)));
        Assert.True(StepIntake.Parse(submission with { SuspendedUntil = Now.AddDays(30) }, Now).IsValid);
    }

    [Fact]
    public void Parse_SystemSteps_CarryTheirTypedPayload()
    {
        var triaged = StepIntake.Parse(Step("triaged") with { Severity = "critical" }, Now).Value;
        var incomplete = StepIntake.Parse(Step("incomplete") with { MissingElements = ["perjury-statement", "signature"] }, Now).Value;
        var informed = StepIntake.Parse(Step("notifier-informed") with { Topic = "receipt-confirmed" }, Now).Value;

        Assert.Equal(SeverityLevel.Critical, triaged?.Severity);
        Assert.Equal(["perjury-statement", "signature"], incomplete?.MissingElements);
        Assert.Equal(NotificationTopic.ReceiptConfirmed, informed?.Topic);
    }

    [Theory]
    [InlineData("triaged", "severity", "urgent")]
    [InlineData("notifier-informed", "topic", "email")]
    [InlineData("processing-failed", "errorCode", "Timeout while reading blob")]
    [InlineData("processing-failed", "errorCode", "9-starts-with-digit")]
    public void Parse_UnknownIdsInPayload_ReportField(string kind, string field, string value)
    {
        var submission = field switch
        {
            "severity" => Step(kind) with { Severity = value },
            "topic" => Step(kind) with { Topic = value },
            _ => Step(kind) with { ErrorCode = value },
        };

        Assert.Equal([field], FieldsOf(StepIntake.Parse(submission, Now)));
    }

    [Fact]
    public void Parse_IncompleteWithUnknownElement_ReportsThatEntry()
    {
        var result = StepIntake.Parse(Step("incomplete") with { MissingElements = ["signature", "social-security-number"] }, Now);

        Assert.Equal(["missingElements[1]"], FieldsOf(result));
    }

    [Fact]
    public void Parse_SupplementWithUnknownElement_ReportsThatEntry()
    {
        var result = StepIntake.Parse(Step("notice-supplemented") with { SuppliedElements = ["good-faith-statement", "signed copy of passport", null] }, Now);

        Assert.Equal(["suppliedElements[1]", "suppliedElements[2]"], FieldsOf(result));
        Assert.All(result.Errors, e => Assert.DoesNotContain("passport", e.Message, StringComparison.Ordinal));
    }

    /// <summary>A supplement names exactly what the notice lacked: nothing it had, nothing left out.</summary>
    [Theory]
    [InlineData("good-faith-statement", "good-faith-statement", "")]
    [InlineData("good-faith-statement accuracy-statement", "accuracy-statement good-faith-statement", "")]
    [InlineData("good-faith-statement", "good-faith-statement good-faith-statement", "")]
    [InlineData("good-faith-statement accuracy-statement", "good-faith-statement", "suppliedElements")]
    [InlineData("good-faith-statement", "signature", "suppliedElements suppliedElements[0]")]
    [InlineData("good-faith-statement", "good-faith-statement signature", "suppliedElements[1]")]
    [InlineData("", "good-faith-statement", "suppliedElements[0]")]
    public void CheckSupplement_AgainstTheMissingElements_ReportsEveryMismatch(string missing, string supplied, string fields)
    {
        static string[] Split(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var step = StepIntake.Parse(Step("notice-supplemented") with { SuppliedElements = Split(supplied) }, Now).Value!;

        var errors = StepIntake.CheckSupplement(step, Split(missing));

        Assert.Equal(Split(fields), errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CheckSupplement_PartOfTheMissingElements_NamesWhatIsStillMissing()
    {
        var step = StepIntake.Parse(Step("notice-supplemented") with { SuppliedElements = ["good-faith-statement"] }, Now).Value!;

        var error = Assert.Single(StepIntake.CheckSupplement(step, ["good-faith-statement", "perjury-statement"]));

        Assert.Equal("suppliedElements", error.Field);
        Assert.EndsWith("still missing: perjury-statement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadTextInOptionalFields_ReportedWithoutEchoingIt()
    {
        var submission = Step("no-action") with
        {
            Reason = "Li Na's address is public\u0000" + new string('x', 2_000),
            Label = "Li Na\u0007",
            Reference = "Li Na\n",
        };

        var result = StepIntake.Parse(submission, Now);

        Assert.Equal(["label", "reason", "reference"], FieldsOf(result));
        Assert.All(result.Errors, e => Assert.DoesNotContain("Li Na", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_ParsedStep_UsesItsKind()
    {
        var step = StepIntake.Parse(Step("content-removed"), Now).Value!;

        Assert.IsType<TransitionResult.Allowed>(CaseStateMachine.Decide(CaseState.Triaged, NoticeValidity.Valid, step));
        Assert.IsType<TransitionResult.Rejected>(CaseStateMachine.Decide(CaseState.Closed, NoticeValidity.Valid, step));
    }

    [Fact]
    public void Parse_StatementOnAnotherKind_ReportsStatement()
    {
        var result = StepIntake.Parse(Step("content-removed") with { Statement = new TakedownFn.Domain.Dsa.StatementFields { DecisionGround = "DECISION_GROUND_ILLEGAL_CONTENT" } }, Now);

        Assert.Equal(["statement"], FieldsOf(result));
    }

    [Fact]
    public void Parse_StatementOfReasonsWithItsFields_KeepsThem()
    {
        var fields = new TakedownFn.Domain.Dsa.StatementFields
        {
            DecisionGround = "DECISION_GROUND_INCOMPATIBLE_CONTENT", IncompatibleContentGround = "Terms §4", IncompatibleContentExplanation = "Spam.",
            ContentType = ["CONTENT_TYPE_TEXT"], ContentDate = "2025-05-30", AutomatedDetection = true,
            AutomatedDecision = "AUTOMATED_DECISION_FULLY", DecisionFacts = "Detected by the spam filter.",
        };

        var result = StepIntake.Parse(Step("statement-of-reasons-sent") with { Statement = fields }, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(fields, result.Value!.Statement);
    }
}
