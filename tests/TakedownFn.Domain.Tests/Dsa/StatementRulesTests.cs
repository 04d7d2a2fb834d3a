using TakedownFn.Domain.Dsa;

namespace TakedownFn.Domain.Tests.Dsa;

/// <summary>The Transparency Database's own rules: a statement that breaks one never leaves the service.</summary>
public class StatementRulesTests
{
    internal static StatementOfReasons Valid() => new()
    {
        DecisionVisibility = ["DECISION_VISIBILITY_CONTENT_REMOVED"],
        DecisionGround = "DECISION_GROUND_ILLEGAL_CONTENT",
        IllegalContentLegalGround = "GDPR Art. 6(1)",
        IllegalContentExplanation = "Publishes a private home address.",
        ContentType = ["CONTENT_TYPE_TEXT"],
        Category = "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
        ContentDate = "2026-11-20",
        ApplicationDate = "2026-12-01",
        DecisionFacts = "Removed after review.",
        SourceType = "SOURCE_ARTICLE_16",
        AutomatedDetection = "No",
        AutomatedDecision = "AUTOMATED_DECISION_NOT_AUTOMATED",
        Puid = "0194f3a2b1c0a1b2c3d4e5",
    };

    private static string[] Fields(StatementOfReasons s) => StatementRules.Check(s).Select(e => e.Field).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Check_CompleteStatement_NoErrors()
    {
        Assert.Empty(StatementRules.Check(Valid()));
    }

    [Theory]
    [InlineData("decision_ground")]
    [InlineData("content_type")]
    [InlineData("category")]
    [InlineData("content_date")]
    [InlineData("application_date")]
    [InlineData("decision_facts")]
    [InlineData("source_type")]
    [InlineData("automated_detection")]
    [InlineData("automated_decision")]
    [InlineData("puid")]
    public void Check_RequiredFieldAbsent_NamesIt(string field)
    {
        var s = field switch
        {
            "decision_ground" => Valid() with { DecisionGround = null, IllegalContentLegalGround = null, IllegalContentExplanation = null },
            "content_type" => Valid() with { ContentType = [] },
            "category" => Valid() with { Category = null },
            "content_date" => Valid() with { ContentDate = null },
            "application_date" => Valid() with { ApplicationDate = " " },
            "decision_facts" => Valid() with { DecisionFacts = "   " },
            "source_type" => Valid() with { SourceType = null },
            "automated_detection" => Valid() with { AutomatedDetection = null },
            "automated_decision" => Valid() with { AutomatedDecision = "" },
            _ => Valid() with { Puid = null },
        };

        Assert.Equal([field], Fields(s));
        Assert.Equal(StatementRules.Required, Assert.Single(StatementRules.Check(s)).Message);
    }

    [Fact]
    public void Check_NoRestrictionAtAll_RequiresOne()
    {
        Assert.Equal(["decision_visibility"], Fields(Valid() with { DecisionVisibility = null }));
    }

    [Theory]
    [InlineData(null, "DECISION_MONETARY_SUSPENSION", null, null)]
    [InlineData(null, null, "DECISION_PROVISION_TOTAL_TERMINATION", null)]
    [InlineData(null, null, null, "DECISION_ACCOUNT_TERMINATED")]
    public void Check_AnyOneRestrictionWithoutVisibility_Valid(string? visibility, string? monetary, string? provision, string? account)
    {
        var s = Valid() with { DecisionVisibility = visibility is null ? null : [visibility], DecisionMonetary = monetary, DecisionProvision = provision, DecisionAccount = account };

        Assert.Empty(StatementRules.Check(s));
    }

    [Fact]
    public void Check_IllegalGroundWithoutItsGroundAndExplanation_NamesBoth()
    {
        Assert.Equal(
            ["illegal_content_explanation", "illegal_content_legal_ground"],
            Fields(Valid() with { IllegalContentLegalGround = null, IllegalContentExplanation = null }));
    }

    [Fact]
    public void Check_IncompatibleGround_NeedsItsOwnFieldsNotTheIllegalOnes()
    {
        var s = Valid() with { DecisionGround = "DECISION_GROUND_INCOMPATIBLE_CONTENT", IllegalContentLegalGround = null, IllegalContentExplanation = null };
        Assert.Equal(["incompatible_content_explanation", "incompatible_content_ground"], Fields(s));

        var complete = s with { IncompatibleContentGround = "Terms §4", IncompatibleContentExplanation = "Hateful conduct.", IncompatibleContentIllegal = "Yes" };
        Assert.Empty(StatementRules.Check(complete));
        Assert.Equal(["incompatible_content_illegal"], Fields(complete with { IncompatibleContentIllegal = "yes" }));
    }

    [Fact]
    public void Check_OtherValues_NeedTheirOtherText()
    {
        var s = Valid() with
        {
            DecisionVisibility = ["DECISION_VISIBILITY_OTHER"],
            DecisionMonetary = "DECISION_MONETARY_OTHER",
            ContentType = ["CONTENT_TYPE_OTHER"],
        };

        Assert.Equal(["content_type_other", "decision_monetary_other", "decision_visibility_other"], Fields(s));
        Assert.Empty(StatementRules.Check(s with { DecisionVisibilityOther = "Shadow-hidden", DecisionMonetaryOther = "Held", ContentTypeOther = "Livestream" }));
    }

    [Theory]
    [InlineData("decision_visibility[1]")]
    [InlineData("decision_monetary")]
    [InlineData("decision_provision")]
    [InlineData("decision_account")]
    [InlineData("account_type")]
    [InlineData("decision_ground")]
    [InlineData("content_type[0]")]
    [InlineData("category")]
    [InlineData("category_specification[0]")]
    [InlineData("territorial_scope[1]")]
    [InlineData("content_language")]
    [InlineData("source_type")]
    [InlineData("automated_detection")]
    [InlineData("automated_decision")]
    public void Check_ValueOutsideItsEnumeration_NamesTheField(string field)
    {
        var s = field switch
        {
            "decision_visibility[1]" => Valid() with { DecisionVisibility = ["DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_HIDDEN"] },
            "decision_monetary" => Valid() with { DecisionMonetary = "DECISION_MONETARY_FINE" },
            "decision_provision" => Valid() with { DecisionProvision = "DECISION_PROVISION_OTHER" },
            "decision_account" => Valid() with { DecisionAccount = "DECISION_ACCOUNT_LOCKED" },
            "account_type" => Valid() with { AccountType = "ACCOUNT_TYPE_CREATOR" },
            "decision_ground" => Valid() with { DecisionGround = "DECISION_GROUND_OTHER" },
            "content_type[0]" => Valid() with { ContentType = ["CONTENT_TYPE_HOLOGRAM"] },
            // Removed in the 2025 schema change.
            "category" => Valid() with { Category = "STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR" },
            "category_specification[0]" => Valid() with { CategorySpecification = ["KEYWORD_DOXXING"] },
            // The database knows Greece as GR, not EL; the United States are not in its territorial scope.
            "territorial_scope[1]" => Valid() with { TerritorialScope = ["GR", "US"] },
            "content_language" => Valid() with { ContentLanguage = "en" },
            "source_type" => Valid() with { SourceType = "SOURCE_ARTICLE_17" },
            "automated_detection" => Valid() with { AutomatedDetection = "YES" },
            _ => Valid() with { AutomatedDecision = "Fully automated" },
        };

        Assert.Equal([field], Fields(s));
    }

    [Theory]
    [InlineData("decision_facts", 5_000)]
    [InlineData("illegal_content_explanation", 2_000)]
    [InlineData("illegal_content_legal_ground", 500)]
    [InlineData("puid", 500)]
    public void Check_TextAtItsLimit_ValidOneMore_Refused(string field, int limit)
    {
        StatementOfReasons With(string text) => field switch
        {
            "decision_facts" => Valid() with { DecisionFacts = text },
            "illegal_content_explanation" => Valid() with { IllegalContentExplanation = text },
            "illegal_content_legal_ground" => Valid() with { IllegalContentLegalGround = text },
            _ => Valid() with { Puid = text },
        };

        Assert.Empty(StatementRules.Check(With(new string('a', limit))));
        Assert.Equal([field], Fields(With(new string('a', limit + 1))));
    }

    /// <summary>The database counts characters (PHP's mb_strlen), not UTF-16 units: an emoji is one.</summary>
    [Fact]
    public void Check_LengthInCharacters_SurrogatePairCountsOnce()
    {
        var facts = string.Concat(Enumerable.Repeat("😀", 5_000));

        Assert.Equal(10_000, facts.Length);
        Assert.Empty(StatementRules.Check(Valid() with { DecisionFacts = facts }));
    }

    [Theory]
    [InlineData("abc-DEF_123", true)]
    [InlineData("abc def", false)]
    [InlineData("abc/def", false)]
    [InlineData("abc\n", false)]
    [InlineData("käse", false)]
    public void Check_Puid_LettersDigitsHyphenUnderscoreOnly(string puid, bool valid)
    {
        Assert.Equal(valid, StatementRules.Check(Valid() with { Puid = puid }).Count == 0);
    }

    [Theory]
    [InlineData("content_date", "2000-01-01", true)]
    [InlineData("content_date", "1999-12-31", false)]
    [InlineData("content_date", "2038-01-01", true)]
    [InlineData("content_date", "2038-01-02", false)]
    [InlineData("content_date", "2026-13-01", false)]
    [InlineData("content_date", "2026-11-20T10:00:00Z", false)]
    [InlineData("content_date", "20.11.2026", false)]
    [InlineData("application_date", "2020-01-01", true)]
    [InlineData("application_date", "2019-12-31", false)]
    [InlineData("end_date_account_restriction", "2038-01-01", true)]
    [InlineData("end_date_account_restriction", "2038-01-02", false)]
    public void Check_Dates_FormatAndRange(string field, string date, bool valid)
    {
        var s = field switch
        {
            "content_date" => Valid() with { ContentDate = date },
            "application_date" => Valid() with { ApplicationDate = date },
            _ => Valid() with { EndDateAccountRestriction = date },
        };

        Assert.Equal(valid ? [] : [field], Fields(s));
    }

    [Theory]
    [InlineData("https://platform.example/terms#4", true)]
    [InlineData("http://eur-lex.europa.eu/eli/reg/2022/2065/oj", true)]
    [InlineData("ftp://platform.example/terms", false)]
    [InlineData("/terms", false)]
    public void Check_DecisionGroundReferenceUrl_AbsoluteHttpOnly(string url, bool valid)
    {
        Assert.Equal(valid ? [] : ["decision_ground_reference_url"], Fields(Valid() with { DecisionGroundReferenceUrl = url }));
    }
}
