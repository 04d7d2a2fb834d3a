using TakedownFn.Domain.Dsa;
using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Tests.Dsa;

/// <summary>Every case we hold must land in a category the Transparency Database accepts.</summary>
public class DsaCategoriesTests
{
    public static TheoryData<string, string> EveryRegimeCategory()
    {
        var data = new TheoryData<string, string>();
        foreach (var regime in Regimes.All)
        {
            foreach (var category in regime.Categories)
            {
                data.Add(regime.Id, category);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRegimeCategory))]
    public void For_EveryCategoryOfEveryRegime_MapsToValidEnumerationValues(string regime, string category)
    {
        var mapping = DsaCategories.For(regime, category);

        Assert.Equal((regime, category), (mapping.Regime, mapping.Category));
        Assert.True(DsaStatementCategories.IsValid(mapping.StatementCategory), mapping.StatementCategory);
        Assert.All(mapping.Keywords, k => Assert.True(DsaKeywords.IsValid(k), k));
        Assert.False(string.IsNullOrWhiteSpace(mapping.Reason));
    }

    [Fact]
    public void All_HasOneRowPerRegimeCategory_AndNoOther()
    {
        var pairs = Regimes.All.SelectMany(r => r.Categories.Select(c => (r.Id, c))).ToList();

        Assert.Equal(pairs, DsaCategories.All.Select(m => (m.Regime, m.Category)));
    }

    [Theory]
    [InlineData("cn-personal-info", "home-address", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "KEYWORD_MISSING_PROCESSING_GROUND")]
    [InlineData("eu-dsa-16", "privacy", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", "KEYWORD_MISSING_PROCESSING_GROUND")]
    [InlineData("eu-dsa-16", "illegal-content", "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", "")]
    [InlineData("eu-dsa-16", "csam", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL")]
    [InlineData("us-dmca", "copyright", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "KEYWORD_COPYRIGHT_INFRINGEMENT")]
    [InlineData("cn-civil-code-1195", "reputation", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_DEFAMATION")]
    [InlineData("au-osa", "cyber-abuse", "STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_CYBER_HARASSMENT")]
    public void For_DocumentedRow_GivesItsCategoryAndKeywords(string regime, string category, string expected, string keywords)
    {
        var mapping = DsaCategories.For(regime, category);

        Assert.Equal(expected, mapping.StatementCategory);
        Assert.Equal(keywords.Split(' ', StringSplitOptions.RemoveEmptyEntries), mapping.Keywords);
    }

    [Theory]
    [InlineData("us-dmca", "privacy")]
    [InlineData("eu-dsa-16", "home-address")]
    [InlineData("EU-DSA-16", "privacy")]
    [InlineData(null, "privacy")]
    public void TryGet_PairNotInTheCatalog_False(string? regime, string category)
    {
        Assert.False(DsaCategories.TryGet(regime, category, out _));
        Assert.Throws<ArgumentException>(() => DsaCategories.For(regime ?? "", category));
    }

    [Theory]
    [InlineData("STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR")]
    [InlineData("STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT")]
    [InlineData("STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE")]
    [InlineData("statement_category_violence")]
    public void IsValid_CategoryRemovedIn2025OrMisspelt_False(string value)
    {
        Assert.False(DsaStatementCategories.IsValid(value));
    }

    [Fact]
    public void All_SixteenCategoriesAndSixtyNineKeywords_NoDuplicates()
    {
        Assert.Equal(16, DsaStatementCategories.All.Distinct().Count());
        Assert.Equal(69, DsaKeywords.All.Distinct().Count());
        Assert.DoesNotContain(DsaKeywords.All, k => k.Contains("DOX", StringComparison.Ordinal));
    }
}
