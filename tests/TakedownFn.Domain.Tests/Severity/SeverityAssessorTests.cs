using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Tests.Notices;

namespace TakedownFn.Domain.Tests.Severity;

public class SeverityAssessorTests
{
    private static Notice Doxxing(string category, int items = 1, SeverityInputs? inputs = null) =>
        TestNotices.Complete(Regimes.CnPersonalInfo, category) with
        {
            Items = Enumerable.Range(0, items).Select(i => ReportedItem.ForUrl(new Uri($"https://forum.example.cn/p/{i}"))).ToArray(),
            Severity = inputs ?? SeverityInputs.None,
        };

    private static SeverityInputs Inputs(
        int? platforms = null, int? reposts = null, string[]? exposed = null, Harm[]? harms = null, MaliceSign[]? malice = null) =>
        new(platforms, reposts, exposed ?? [], harms ?? [], malice ?? []);

    [Fact]
    public void Assess_CopyrightNoticeWithNoInputs_IsLowWithoutReasons()
    {
        var result = SeverityAssessor.Assess(TestNotices.Complete());

        Assert.Equal(SeverityLevel.Low, result.Level);
        Assert.Empty(result.Reasons);
    }

    [Theory]
    [InlineData("id-number", SeverityLevel.Medium)]
    [InlineData("home-address", SeverityLevel.Medium)]
    [InlineData("phone", SeverityLevel.Medium)]
    [InlineData("medical", SeverityLevel.Medium)]
    [InlineData("private-messages", SeverityLevel.Medium)]
    [InlineData("photos", SeverityLevel.Low)]
    [InlineData("other-personal-info", SeverityLevel.Low)]
    public void Assess_SensitivityOfCategory_GivesLevelAndReason(string category, SeverityLevel level)
    {
        var result = SeverityAssessor.Assess(Doxxing(category));

        Assert.Equal(level, result.Level);
        Assert.Equal(["sensitive:" + category], result.Reasons);
    }

    [Fact]
    public void Assess_HighlySensitiveKindsOutrankPhotosOutrankOtherInfo()
    {
        var id = SeverityAssessor.Assess(Doxxing(Categories.IdNumber)).Score;
        var photos = SeverityAssessor.Assess(Doxxing(Categories.Photos)).Score;
        var other = SeverityAssessor.Assess(Doxxing(Categories.OtherPersonalInfo)).Score;

        Assert.True(id > photos && photos > other && other > 0);
    }

    public static TheoryData<string, SeverityInputs, int, string> OneFactorMore => new()
    {
        { "exposed id number", Inputs(exposed: ["id-number"]), 1, "sensitive:id-number" },
        { "10 items", Inputs(), 10, "spread:items>=10" },
        { "50 items", Inputs(), 50, "spread:items>=50" },
        { "2 platforms", Inputs(platforms: 2), 1, "spread:platforms>=2" },
        { "100 reposts", Inputs(reposts: 100), 1, "spread:reposts>=100" },
        { "harassment", Inputs(harms: [Harm.Harassment]), 1, "harm:harassment" },
        { "job loss", Inputs(harms: [Harm.JobLoss]), 1, "harm:job-loss" },
        { "financial loss", Inputs(harms: [Harm.FinancialLoss]), 1, "harm:financial-loss" },
        { "doxxing intent", Inputs(malice: [MaliceSign.DoxxingIntent]), 1, "malice:doxxing-intent" },
        { "incitement", Inputs(malice: [MaliceSign.Incitement]), 1, "malice:incitement" },
        { "sale", Inputs(malice: [MaliceSign.CommercialSale]), 1, "malice:commercial-sale" },
        { "repeat offender", Inputs(malice: [MaliceSign.RepeatOffender]), 1, "malice:repeat-offender" },
    };

    /// <summary>Leaked photos alone sit at the top of low; any one further factor must lift the case to medium.</summary>
    [Theory]
    [MemberData(nameof(OneFactorMore))]
    public void Assess_OneMoreFactorOnLeakedPhotos_RaisesLowToMedium(string factor, SeverityInputs inputs, int items, string reason)
    {
        var baseline = SeverityAssessor.Assess(Doxxing(Categories.Photos));
        var raised = SeverityAssessor.Assess(Doxxing(Categories.Photos, items, inputs));

        Assert.Equal(SeverityLevel.Low, baseline.Level);
        Assert.True(raised.Level == SeverityLevel.Medium, factor);
        Assert.Contains(reason, raised.Reasons);
        Assert.True(raised.Score > baseline.Score, factor);
    }

    [Theory]
    [InlineData(9, null)]
    [InlineData(10, "spread:items>=10")]
    [InlineData(49, "spread:items>=10")]
    [InlineData(50, "spread:items>=50")]
    [InlineData(200, "spread:items>=200")]
    [InlineData(1000, "spread:items>=200")]
    public void Assess_ItemCount_ReportsOnlyTheHighestStepReached(int items, string? expected)
    {
        var spread = SeverityAssessor.Assess(Doxxing(Categories.Phone, items)).Reasons.Where(r => r.StartsWith("spread:", StringComparison.Ordinal));

        Assert.Equal(expected is null ? [] : [expected], spread);
    }

    [Theory]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(1_000, 2)]
    [InlineData(10_000, 3)]
    public void Assess_MoreReposts_NeverScoreLess(int reposts, int rank)
    {
        var scores = new[] { 0, 100, 1_000, 10_000 }
            .Select(r => SeverityAssessor.Assess(Doxxing(Categories.Phone, 1, Inputs(reposts: r))).Score)
            .ToArray();
        var score = SeverityAssessor.Assess(Doxxing(Categories.Phone, 1, Inputs(reposts: reposts))).Score;

        Assert.Equal(scores[rank], score);
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First < p.Second));
    }

    [Theory]
    [InlineData(Harm.Threats, SeverityLevel.High)]
    [InlineData(Harm.OfflineContact, SeverityLevel.High)]
    [InlineData(Harm.SelfHarmRisk, SeverityLevel.Critical)]
    [InlineData(Harm.Harassment, SeverityLevel.Low)]
    public void Assess_GraveHarmOnACopyrightNotice_SetsAFloor(Harm harm, SeverityLevel level)
    {
        var notice = TestNotices.Complete() with { Severity = Inputs(harms: [harm]) };

        var result = SeverityAssessor.Assess(notice);

        Assert.Equal(level, result.Level);
        Assert.Equal(["harm:" + harm.ToId()], result.Reasons);
    }

    [Fact]
    public void Assess_CsamNotice_IsCritical()
    {
        var result = SeverityAssessor.Assess(TestNotices.Complete(Regimes.EuDsa16, Categories.Csam));

        Assert.Equal(SeverityLevel.Critical, result.Level);
        Assert.Contains("sensitive:csam", result.Reasons);
    }

    [Theory]
    [InlineData("in-it-rules", "intimate-imagery")]
    [InlineData("au-osa", "intimate-image")]
    public void Assess_IntimateImageryUnderEitherRegime_SameReason(string regime, string category)
    {
        var result = SeverityAssessor.Assess(TestNotices.Complete(regime, category));

        Assert.Equal(SeverityLevel.Medium, result.Level);
        Assert.Equal(["sensitive:intimate-imagery"], result.Reasons);
    }

    [Fact]
    public void Assess_IdNumberWithPhotos_StaysMediumUntilSpreadTipsItHigh()
    {
        var contained = SeverityAssessor.Assess(Doxxing(Categories.IdNumber, 1, Inputs(exposed: ["photos"])));
        var spread = SeverityAssessor.Assess(Doxxing(Categories.IdNumber, 10, Inputs(exposed: ["photos"])));

        Assert.Equal(SeverityLevel.Medium, contained.Level);
        Assert.Equal(SeverityLevel.High, spread.Level);
    }

    [Fact]
    public void Assess_IdentityPlusAddress_IsHighAndFlaggedCombined_OneMaliceSignMakesItCritical()
    {
        var combined = SeverityAssessor.Assess(Doxxing(Categories.IdNumber, 1, Inputs(exposed: ["home-address"])));
        var repeat = SeverityAssessor.Assess(Doxxing(Categories.IdNumber, 1, Inputs(exposed: ["home-address"], malice: [MaliceSign.RepeatOffender])));

        Assert.Equal(SeverityLevel.High, combined.Level);
        Assert.Contains("sensitive:combined", combined.Reasons);
        Assert.Equal(SeverityLevel.Critical, repeat.Level);
    }

    [Fact]
    public void Assess_TypicalKaiheCase_IsCriticalWithEveryReasonInGroupOrder()
    {
        var notice = Doxxing(Categories.IdNumber, 60, Inputs(
            platforms: 3,
            exposed: ["phone", "home-address"],
            harms: [Harm.Harassment],
            malice: [MaliceSign.Incitement, MaliceSign.DoxxingIntent]));

        var result = SeverityAssessor.Assess(notice);

        Assert.Equal(SeverityLevel.Critical, result.Level);
        Assert.Equal(
            ["sensitive:home-address", "sensitive:id-number", "sensitive:phone", "sensitive:combined",
             "spread:items>=50", "spread:platforms>=2", "harm:harassment", "malice:doxxing-intent", "malice:incitement"],
            result.Reasons);
    }

    [Fact]
    public void Assess_SameFactorsInAnotherOrderOrRepeated_SameAssessment()
    {
        var a = SeverityAssessor.Assess(Doxxing(Categories.Phone, 1, Inputs(exposed: ["medical", "photos"], harms: [Harm.Threats, Harm.JobLoss])));
        var b = SeverityAssessor.Assess(Doxxing(Categories.Phone, 1, Inputs(exposed: ["photos", "phone", "medical"], harms: [Harm.JobLoss, Harm.Threats, Harm.JobLoss])));

        Assert.Equal(a.Level, b.Level);
        Assert.Equal(a.Score, b.Score);
        Assert.Equal(a.Reasons, b.Reasons);
    }

    [Fact]
    public void Assess_AddingAnyFactor_NeverLowersTheLevel()
    {
        var start = Doxxing(Categories.Phone, 1, Inputs(harms: [Harm.Threats]));
        var before = SeverityAssessor.Assess(start);
        foreach (var harm in Enum.GetValues<Harm>())
        {
            var after = SeverityAssessor.Assess(start with { Severity = start.Severity with { Harms = [.. start.Severity.Harms, harm] } });
            Assert.True(after.Level >= before.Level, harm.ToString());
        }

        foreach (var sign in Enum.GetValues<MaliceSign>())
        {
            var after = SeverityAssessor.Assess(start with { Severity = start.Severity with { MaliceSigns = [sign] } });
            Assert.True(after.Level >= before.Level && after.Score > before.Score, sign.ToString());
        }
    }
}
