using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Dsa;
using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Tests.Dsa;

/// <summary>How a case's record becomes its statement, and what the platform must give when it records one.</summary>
public class StatementsTests
{
    private static readonly DateTimeOffset Removed = new(2026, 12, 1, 23, 30, 0, TimeSpan.FromHours(-2));

    private static StatementFields Fields() => new()
    {
        DecisionGround = "DECISION_GROUND_ILLEGAL_CONTENT",
        IllegalContentLegalGround = "GDPR Art. 6(1)",
        IllegalContentExplanation = "Publishes a private home address.",
        ContentType = ["CONTENT_TYPE_TEXT"],
        ContentDate = "2026-11-20",
        AutomatedDetection = false,
        AutomatedDecision = "AUTOMATED_DECISION_NOT_AUTOMATED",
        DecisionFacts = "Removed after review.",
    };

    private static StatementCase Case(NotifierRole? role = NotifierRole.Victim, StatementFields? fields = null, params StatementRestriction[] restrictions) =>
        new("0194f3a2b1c0a1b2c3d4e5", Regimes.EuDsa16, Categories.Privacy, role,
            restrictions.Length > 0 ? restrictions : [new StatementRestriction(StepKind.ContentRemoved, Removed, [])], fields ?? Fields());

    [Fact]
    public void Form_RemovedPrivacyCase_DerivesWhatTheServiceKnows()
    {
        var (s, problems) = Statements.Form(Case());

        Assert.Empty(problems);
        Assert.Equal("0194f3a2b1c0a1b2c3d4e5", s.Puid);
        Assert.Equal(["DECISION_VISIBILITY_CONTENT_REMOVED"], s.DecisionVisibility);
        Assert.Equal("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", s.Category);
        Assert.Equal(["KEYWORD_MISSING_PROCESSING_GROUND"], s.CategorySpecification);
        Assert.Equal("SOURCE_ARTICLE_16", s.SourceType);
        Assert.Equal("No", s.AutomatedDetection);
        // The decision's date in UTC: 23:30 at UTC-2 is the next day.
        Assert.Equal("2026-12-02", s.ApplicationDate);
    }

    [Theory]
    [InlineData(NotifierRole.TrustedFlagger, "SOURCE_TRUSTED_FLAGGER")]
    [InlineData(NotifierRole.Authority, "SOURCE_TYPE_OTHER_NOTIFICATION")]
    [InlineData(NotifierRole.RightHolder, "SOURCE_ARTICLE_16")]
    [InlineData(null, "SOURCE_ARTICLE_16")]
    public void Build_SourceType_FollowsTheNotifiersRole(NotifierRole? role, string expected)
    {
        Assert.Equal(expected, Statements.Build(Case(role)).SourceType);
    }

    [Fact]
    public void Build_GeoRestrictionAndAccountSuspension_DisabledInTheEeaRegionsAndAccountSuspendedUntil()
    {
        var s = Statements.Build(Case(restrictions:
        [
            new StatementRestriction(StepKind.ContentGeoRestricted, Removed, ["US", "FR", "DE", "FR"]),
            new StatementRestriction(StepKind.AccountSuspended, Removed.AddHours(1), [], new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero)),
            new StatementRestriction(StepKind.AccountRestricted, Removed.AddHours(2), []),
        ]));

        Assert.Equal(["DECISION_VISIBILITY_CONTENT_DISABLED"], s.DecisionVisibility);
        Assert.Equal(["DE", "FR"], s.TerritorialScope);
        Assert.Equal("DECISION_ACCOUNT_SUSPENDED", s.DecisionAccount);
        Assert.Equal("2027-01-15", s.EndDateAccountRestriction);
        Assert.Equal("DECISION_PROVISION_PARTIAL_SUSPENSION", s.DecisionProvision);
        Assert.Empty(StatementRules.Check(s));
    }

    [Fact]
    public void Build_SuppliedVisibility_AddedToTheRecordedOnesInTheDatabasesOrder()
    {
        var s = Statements.Build(Case(fields: Fields() with { DecisionVisibility = ["DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_CONTENT_REMOVED"] }));

        Assert.Equal(["DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_LABELLED"], s.DecisionVisibility);
    }

    [Fact]
    public void Build_FieldsOfTheOtherGround_LeftOut()
    {
        var s = Statements.Build(Case(fields: Fields() with { IncompatibleContentGround = "Terms §4", IncompatibleContentIllegal = true }));

        Assert.Null(s.IncompatibleContentGround);
        Assert.Null(s.IncompatibleContentIllegal);
        Assert.Equal("GDPR Art. 6(1)", s.IllegalContentLegalGround);
    }

    [Fact]
    public void Form_NoStatementRecorded_ReasonNamesTheStatement()
    {
        var (_, problems) = Statements.Form(Case() with { Fields = null });

        Assert.Equal("statement", Assert.Single(problems).Field);
    }

    [Fact]
    public void Form_RecordedStatementMissingAGround_ListedWithTheDatabaseField()
    {
        var (_, problems) = Statements.Form(Case(fields: Fields() with { DecisionGround = null }));

        Assert.Equal(["decision_ground"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(100, new[] { 100 })]
    [InlineData(101, new[] { 100, 1 })]
    [InlineData(250, new[] { 100, 100, 50 })]
    public void Batches_AtMostOneHundredEach_InOrder(int count, int[] sizes)
    {
        var statements = Enumerable.Range(0, count).Select(i => new StatementOfReasons { Puid = $"p{i}" }).ToList();

        var batches = Statements.Batches(statements);

        Assert.Equal(sizes, batches.Select(b => b.Count));
        Assert.Equal(statements, batches.SelectMany(b => b));
    }

    [Fact]
    public void Intake_CompleteFields_NoErrors()
    {
        Assert.Empty(StatementIntake.Check(Fields(), Removed));
    }

    [Fact]
    public void Intake_FieldsBreakingTheRules_NamedAsTheStepsJsonPaths()
    {
        var fields = Fields() with { IllegalContentExplanation = null, ContentType = ["CONTENT_TYPE_TEXT", "CONTENT_TYPE_HOLOGRAM"], AutomatedDetection = null };

        Assert.Equal(
            ["statement.automatedDetection", "statement.contentType[1]", "statement.illegalContentExplanation"],
            StatementIntake.Check(fields, Removed).Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Reported by jana@example.eu after the post.")]
    [InlineData("The post shows ID number 11010519491231002X.")]
    [InlineData("Call 13800000000 was written under it.")]
    public void Intake_PersonalDataInTheFacts_RefusedWithoutRepeatingIt(string facts)
    {
        var error = Assert.Single(StatementIntake.Check(Fields() with { DecisionFacts = facts }, Removed));

        Assert.Equal("statement.decisionFacts", error.Field);
        Assert.DoesNotContain(facts, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decision_visibility_other", "statement.decisionVisibilityOther")]
    [InlineData("territorial_scope[3]", "statement.territorialScope[3]")]
    [InlineData("content_date", "statement.contentDate")]
    public void PathOf_DatabaseField_IsTheStepsCamelCasePath(string field, string path)
    {
        Assert.Equal(path, StatementIntake.PathOf(field));
    }
}
