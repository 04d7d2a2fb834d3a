using TakedownFn.Domain.Deadlines;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Tests.Deadlines;

public class DefaultDeadlinesTests
{
    [Theory]
    [InlineData("de-netzdg", "manifestly-unlawful", 24, true)]
    [InlineData("de-netzdg", "unlawful", 7 * 24, true)]
    [InlineData("in-it-rules", "intimate-imagery", 24, true)]
    [InlineData("in-it-rules", "other", 15 * 24, true)]
    [InlineData("au-osa", "cyber-abuse", 24, true)]
    [InlineData("us-dmca", "copyright", 24, false)]
    [InlineData("eu-dsa-16", "csam", 1, false)]
    public void For_Regime_ActDeadlineAndWhetherTheLawFixesIt(string regime, string category, int hours, bool statutory)
    {
        var act = DefaultDeadlines.For(regime, category, SeverityLevel.Medium).Single(r => r.Stage == Stage.Act);

        Assert.Equal(TimeSpan.FromHours(hours), act.Within);
        Assert.Equal(statutory, act.Statutory);
    }

    [Theory]
    [InlineData(SeverityLevel.Low, 24)]
    [InlineData(SeverityLevel.Medium, 24)]
    [InlineData(SeverityLevel.High, 1)]
    [InlineData(SeverityLevel.Critical, 1)]
    public void For_DoxxingBySeverity_HighlySensitiveGetsOneHour(SeverityLevel severity, int hours)
    {
        var act = DefaultDeadlines.For(Regimes.CnPersonalInfo, Categories.IdNumber, severity).Single(r => r.Stage == Stage.Act);

        Assert.Equal(TimeSpan.FromHours(hours), act.Within);
    }

    [Fact]
    public void For_EveryRegimeCategoryAndSeverity_HasOnePositiveRulePerStageWithABasis()
    {
        foreach (var regime in Regimes.All)
        {
            foreach (var category in regime.Categories)
            {
                foreach (var severity in Enum.GetValues<SeverityLevel>())
                {
                    var rules = DefaultDeadlines.For(regime.Id, category, severity);

                    Assert.Equal(Enum.GetValues<Stage>().Order(), rules.Select(r => r.Stage).Order());
                    Assert.All(rules, r => Assert.True(r.Within > TimeSpan.Zero && r.Basis.Length > 0, $"{regime.Id}/{category}/{severity}"));
                }
            }
        }
    }
}
