using TakedownFn.Domain.Notices;
using static TakedownFn.Domain.Tests.Notices.TestNotices;

namespace TakedownFn.Domain.Tests.Notices;

public class LegalCompletenessTests
{
    public static TheoryData<string, string> EveryRegime => new()
    {
        { "us-dmca", "copyright" },
        { "eu-dsa-16", "illegal-content" },
        { "eu-dsa-16", "csam" },
        { "cn-civil-code-1195", "personal-rights" },
        { "cn-copyright", "copyright" },
        { "cn-personal-info", "home-address" },
        { "de-netzdg", "unlawful" },
        { "in-it-rules", "intimate-imagery" },
        { "au-osa", "cyber-abuse" },
    };

    [Theory]
    [MemberData(nameof(EveryRegime))]
    public void Check_NoticeWithEveryElement_IsValid(string regime, string category)
    {
        Assert.IsType<CompletenessResult.Valid>(LegalCompleteness.Check(Complete(regime, category)));
    }

    /// <summary>Each row removes one thing from a complete notice; exactly the named element must be reported.</summary>
    [Theory]
    [InlineData("us-dmca", "copyright", "no-signature", "signature", "17 USC 512(c)(3)(A)(i)")]
    [InlineData("us-dmca", "copyright", "no-explanation", "work-identification", "17 USC 512(c)(3)(A)(ii)")]
    [InlineData("us-dmca", "copyright", "no-items", "material-location", "17 USC 512(c)(3)(A)(iii)")]
    [InlineData("us-dmca", "copyright", "no-contact", "notifier-contact", "17 USC 512(c)(3)(A)(iv)")]
    [InlineData("us-dmca", "copyright", "no-good-faith", "good-faith-statement", "17 USC 512(c)(3)(A)(v)")]
    [InlineData("us-dmca", "copyright", "no-accuracy", "accuracy-statement", "17 USC 512(c)(3)(A)(vi)")]
    [InlineData("us-dmca", "copyright", "no-perjury", "perjury-statement", "17 USC 512(c)(3)(A)(vi)")]
    [InlineData("eu-dsa-16", "privacy", "no-explanation", "substantiated-explanation", "Art. 16(2)(a)")]
    [InlineData("eu-dsa-16", "privacy", "one-content-id-item", "exact-location", "Art. 16(2)(b)")]
    [InlineData("eu-dsa-16", "privacy", "no-name", "notifier-name", "Art. 16(2)(c)")]
    [InlineData("eu-dsa-16", "privacy", "no-email", "notifier-email", "Art. 16(2)(c)")]
    [InlineData("eu-dsa-16", "csam", "no-good-faith", "good-faith-statement", "Art. 16(2)(d)")]
    [InlineData("cn-civil-code-1195", "ip", "no-evidence", "preliminary-evidence", "Civil Code Art. 1195")]
    [InlineData("cn-civil-code-1195", "ip", "no-name", "notifier-name", "Civil Code Art. 1195")]
    [InlineData("cn-civil-code-1195", "reputation", "no-contact", "notifier-contact", "Civil Code Art. 1195")]
    [InlineData("cn-copyright", "copyright", "no-name", "notifier-name", "Art. 14(1)")]
    [InlineData("cn-copyright", "copyright", "postal-only", "notifier-contact", "Art. 14(1)")]
    [InlineData("cn-copyright", "copyright", "no-postal", "notifier-address", "Art. 14(1)")]
    [InlineData("cn-copyright", "copyright", "no-explanation", "work-identification", "Art. 14(2)")]
    [InlineData("cn-copyright", "copyright", "one-content-id-item", "network-address", "Art. 14(2)")]
    [InlineData("cn-copyright", "copyright", "no-evidence", "preliminary-evidence", "Art. 14(3)")]
    [InlineData("cn-personal-info", "id-number", "no-items", "information-location", "CAC")]
    [InlineData("cn-personal-info", "phone", "anonymous", "notifier-standing", "CAC")]
    [InlineData("de-netzdg", "manifestly-unlawful", "no-explanation", "explanation", "NetzDG §3")]
    [InlineData("de-netzdg", "unlawful", "no-items", "content-location", "NetzDG §3")]
    [InlineData("in-it-rules", "impersonation", "no-explanation", "explanation", "Rule 3(2)")]
    [InlineData("in-it-rules", "other", "no-items", "content-location", "Rule 3(2)")]
    [InlineData("au-osa", "intimate-image", "no-explanation", "explanation", "Online Safety Act 2021")]
    [InlineData("au-osa", "cyber-abuse", "no-items", "content-location", "Online Safety Act 2021")]
    public void Check_OneElementRemoved_ReportsExactlyThatElement(
        string regime, string category, string removal, string element, string citation)
    {
        var notice = Remove(Complete(regime, category), removal);

        var result = LegalCompleteness.Check(notice);

        var missing = Assert.Single(Assert.IsType<CompletenessResult.Incomplete>(result).Missing);
        Assert.Equal(element, missing.Element);
        Assert.Contains(citation, missing.Citation, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(missing.Field));
    }

    /// <summary>Things some regimes do not require: removing them changes nothing.</summary>
    [Theory]
    [InlineData("us-dmca", "copyright", "one-content-id-item")]
    [InlineData("us-dmca", "copyright", "no-evidence")]
    [InlineData("eu-dsa-16", "csam", "anonymous")]
    [InlineData("eu-dsa-16", "csam", "no-email")]
    [InlineData("eu-dsa-16", "privacy", "no-signature")]
    [InlineData("cn-personal-info", "home-address", "victim-without-contact")]
    [InlineData("cn-personal-info", "home-address", "representative-without-contact")]
    [InlineData("cn-personal-info", "medical", "no-explanation")]
    [InlineData("cn-personal-info", "medical", "no-good-faith")]
    [InlineData("cn-civil-code-1195", "personal-rights", "postal-only")]
    [InlineData("de-netzdg", "unlawful", "anonymous")]
    [InlineData("au-osa", "intimate-image", "anonymous")]
    public void Check_ElementTheRegimeDoesNotRequireRemoved_StaysValid(string regime, string category, string removal)
    {
        Assert.IsType<CompletenessResult.Valid>(LegalCompleteness.Check(Remove(Complete(regime, category), removal)));
    }

    [Theory]
    [InlineData("authority-without-contact")]
    [InlineData("right-holder-without-contact")]
    public void Check_PersonalInfoFromUnreachableThirdParty_LacksStanding(string removal)
    {
        var result = LegalCompleteness.Check(Remove(Complete(Regimes.CnPersonalInfo, Categories.Phone), removal));

        Assert.Equal("notifier-standing", Assert.Single(Assert.IsType<CompletenessResult.Incomplete>(result).Missing).Element);
    }

    [Fact]
    public void Check_BareDmcaNotice_ListsAllSevenElementsInStatuteOrder()
    {
        var notice = Complete() with { Items = [], Notifier = null, Explanation = null, Signature = null, Declarations = Declarations.None };

        var result = Assert.IsType<CompletenessResult.Incomplete>(LegalCompleteness.Check(notice));

        Assert.Equal(
            ["signature", "work-identification", "material-location", "notifier-contact", "good-faith-statement", "accuracy-statement", "perjury-statement"],
            result.Missing.Select(m => m.Element));
        Assert.Equal("declarations.authorityUnderPenaltyOfPerjury", result.Missing[^1].Field);
    }

    [Fact]
    public void Check_AnonymousDsaNotice_ReportsNameAndEmailUnlessCsam()
    {
        var anonymous = Complete(Regimes.EuDsa16, Categories.CyberViolence) with { Notifier = null };

        var result = Assert.IsType<CompletenessResult.Incomplete>(LegalCompleteness.Check(anonymous));

        Assert.Equal(["notifier-name", "notifier-email"], result.Missing.Select(m => m.Element));
        Assert.IsType<CompletenessResult.Valid>(LegalCompleteness.Check(anonymous with { Category = Categories.Csam }));
    }

    [Fact]
    public void Check_UnknownRegime_Throws()
    {
        Assert.Throws<ArgumentException>(() => LegalCompleteness.Check(Complete() with { Regime = "uk-osa" }));
    }

    [Fact]
    public void RequiredElements_EveryRegimeInCatalog_HasAtLeastTwoElements()
    {
        foreach (var regime in Regimes.All)
        {
            Assert.True(LegalCompleteness.RequiredElements(regime.Id).Count >= 2, regime.Id);
        }
    }

    private static Notice Remove(Notice notice, string removal)
    {
        var notifier = notice.Notifier!;
        var contact = notifier.Contact;
        return removal switch
        {
            "no-signature" => notice with { Signature = null },
            "no-explanation" => notice with { Explanation = null },
            "no-items" => notice with { Items = [] },
            "one-content-id-item" => notice with { Items = [.. notice.Items, ReportedItem.ForContentId("post-8812")] },
            "no-evidence" => notice with { Evidence = [] },
            "no-good-faith" => notice with { Declarations = notice.Declarations with { GoodFaith = false } },
            "no-accuracy" => notice with { Declarations = notice.Declarations with { Accuracy = false } },
            "no-perjury" => notice with { Declarations = notice.Declarations with { AuthorityUnderPenaltyOfPerjury = false } },
            "no-name" => notice with { Notifier = notifier with { Name = null } },
            "no-contact" => notice with { Notifier = notifier with { Contact = NotifierContact.None } },
            "no-email" => notice with { Notifier = notifier with { Contact = contact with { Email = null } } },
            "no-postal" => notice with { Notifier = notifier with { Contact = contact with { PostalAddress = null } } },
            "postal-only" => notice with { Notifier = notifier with { Contact = contact with { Email = null, Phone = null } } },
            "anonymous" => notice with { Notifier = null },
            "victim-without-contact" => notice with { Notifier = new Notifier(null, NotifierContact.None, NotifierRole.Victim) },
            "representative-without-contact" => notice with { Notifier = new Notifier("Li Lawyer", NotifierContact.None, NotifierRole.Representative) },
            "authority-without-contact" => notice with { Notifier = new Notifier("Police", NotifierContact.None, NotifierRole.Authority) },
            "right-holder-without-contact" => notice with { Notifier = notifier with { Contact = NotifierContact.None } },
            _ => throw new ArgumentOutOfRangeException(nameof(removal), removal, null),
        };
    }

    [Theory]
    [InlineData("us-dmca", "perjury-statement", "17 USC 512(c)(3)(A)(vi)", "declarations.authorityUnderPenaltyOfPerjury")]
    [InlineData("eu-dsa-16", "notifier-email", "Regulation (EU) 2022/2065 Art. 16(2)(c)", "notifier.contact.email")]
    [InlineData("cn-personal-info", "notifier-standing", "CAC notice on personal information disclosure, May 2025", "notifier")]
    public void TryDescribe_RequiredElement_GivesItsCitationAndField(string regime, string element, string citation, string field)
    {
        Assert.True(LegalCompleteness.TryDescribe(regime, element, out var described));
        Assert.Equal(new MissingElement(element, citation, field), described);
    }

    [Theory]
    [InlineData("us-dmca", "notifier-email")]
    [InlineData("eu-dsa-16", "unknown")]
    [InlineData("nowhere", "signature")]
    [InlineData(null, "signature")]
    public void TryDescribe_ElementTheRegimeDoesNotRequire_False(string? regime, string element)
    {
        Assert.False(LegalCompleteness.TryDescribe(regime, element, out _));
    }

    /// <summary>What a stored case lists (ids) can always be shown with the citation the check gave.</summary>
    [Fact]
    public void TryDescribe_EveryElementOfEveryRegime_MatchesWhatCheckReports()
    {
        foreach (var regime in Regimes.All)
        {
            var incomplete = Assert.IsType<CompletenessResult.Incomplete>(LegalCompleteness.Check(Complete(regime.Id, regime.Categories[0]) with { Items = [], Notifier = null, Explanation = null, Evidence = [], Declarations = Declarations.None, Signature = null }));
            Assert.All(incomplete.Missing, m =>
            {
                Assert.True(LegalCompleteness.TryDescribe(regime.Id, m.Element, out var described));
                Assert.Equal(m, described);
            });
        }
    }
}
