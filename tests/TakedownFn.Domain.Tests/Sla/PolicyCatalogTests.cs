using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class PolicyCatalogTests
{
    private static readonly DateTimeOffset Received = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static ResolvedRule Rule(string regime, string category, SeverityLevel severity, SlaStage stage) =>
        PolicyCatalog.Shipped.Resolve(regime, category, severity, Received).For(stage)
        ?? throw new Xunit.Sdk.XunitException($"no {stage} rule for {regime}/{category}/{severity}");

    // Expected values are the numbers in POLICY-FACTS.md, i.e. the statutes, not the pack file.
    [Theory]
    [InlineData("de-netzdg", "manifestly-unlawful", SeverityLevel.Low, SlaStage.Act, 24, DurationUnit.Hours, true)] // §3(2) Nr. 2
    [InlineData("de-netzdg", "unlawful", SeverityLevel.Critical, SlaStage.Act, 7, DurationUnit.CalendarDays, true)] // §3(2) Nr. 3
    [InlineData("in-it-rules", "other", SeverityLevel.Medium, SlaStage.Acknowledge, 24, DurationUnit.Hours, true)] // Rule 3(2)
    [InlineData("in-it-rules", "other", SeverityLevel.Medium, SlaStage.Act, 15, DurationUnit.CalendarDays, true)]
    [InlineData("in-it-rules", "intimate-imagery", SeverityLevel.Low, SlaStage.Act, 24, DurationUnit.Hours, true)]
    [InlineData("in-it-rules", "impersonation", SeverityLevel.Low, SlaStage.Act, 24, DurationUnit.Hours, true)]
    [InlineData("au-osa", "intimate-image", SeverityLevel.Medium, SlaStage.Act, 24, DurationUnit.Hours, true)] // s77
    [InlineData("au-osa", "cyber-abuse", SeverityLevel.Medium, SlaStage.Act, 24, DurationUnit.Hours, true)] // s88
    [InlineData("us-dmca", "copyright", SeverityLevel.Medium, SlaStage.CounterNoticeRestoration, 14, DurationUnit.BusinessDays, true)] // 512(g)(2)(C)
    [InlineData("cn-personal-info", "id-number", SeverityLevel.High, SlaStage.Act, 1, DurationUnit.Hours, false)] // highly sensitive
    [InlineData("cn-personal-info", "medical", SeverityLevel.Critical, SlaStage.Act, 1, DurationUnit.Hours, false)]
    [InlineData("cn-personal-info", "photos", SeverityLevel.Medium, SlaStage.Act, 24, DurationUnit.Hours, false)]
    [InlineData("cn-personal-info", "phone", SeverityLevel.Low, SlaStage.Act, 24, DurationUnit.Hours, false)]
    [InlineData("eu-dsa-16", "privacy", SeverityLevel.Medium, SlaStage.Act, 72, DurationUnit.Hours, false)] // "timely": a target
    [InlineData("eu-dsa-16", "csam", SeverityLevel.Low, SlaStage.Act, 1, DurationUnit.Hours, false)]
    [InlineData("us-dmca", "copyright", SeverityLevel.Critical, SlaStage.Act, 24, DurationUnit.Hours, false)] // "expeditiously"
    [InlineData("cn-copyright", "copyright", SeverityLevel.Medium, SlaStage.Act, 24, DurationUnit.Hours, false)] // "immediately"
    [InlineData("cn-civil-code-1195", "reputation", SeverityLevel.Medium, SlaStage.ForwardToUploader, 24, DurationUnit.Hours, false)] // "in time"
    [InlineData("eu-dsa-16", "csam", SeverityLevel.Low, SlaStage.Preservation, 366, DurationUnit.CalendarDays, true)] // 2258A(h): 1 year
    [InlineData("de-netzdg", "unlawful", SeverityLevel.Low, SlaStage.Preservation, 70, DurationUnit.CalendarDays, true)] // §3(2) Nr. 4: 10 weeks
    public void Resolve_RegimeCategorySeverity_GetsTheLawsLengthAndWhetherItIsStatutory(
        string regime, string category, SeverityLevel severity, SlaStage stage, int amount, DurationUnit unit, bool statutory)
    {
        var rule = Rule(regime, category, severity, stage);

        Assert.Equal(new SlaLength(amount, unit), rule.Length);
        Assert.Equal(statutory, rule.Statutory);
        Assert.False(string.IsNullOrWhiteSpace(rule.Basis));
    }

    [Theory]
    [InlineData("us-dmca", "copyright", 10, DurationUnit.BusinessDays, "us-federal", ClockStart.CounterNotice, true)] // 512(g)(2)(C)
    [InlineData("cn-civil-code-1195", "ip", 15, DurationUnit.CalendarDays, "cn", ClockStart.CounterNoticeForwarded, true)] // E-Commerce Law Art. 43
    [InlineData("cn-civil-code-1195", "reputation", 15, DurationUnit.CalendarDays, "cn", ClockStart.CounterNoticeForwarded, false)] // Art. 1196 "reasonable"
    public void Resolve_CounterNoticeRestoration_HasTheWindowsMinimum(
        string regime, string category, int amount, DurationUnit unit, string calendar, ClockStart start, bool statutory)
    {
        var rule = Rule(regime, category, SeverityLevel.Medium, SlaStage.CounterNoticeRestoration);

        Assert.Equal(new SlaLength(amount, unit), rule.Minimum!.Length);
        Assert.Equal(statutory, rule.Minimum.Statutory);
        Assert.Equal((calendar, start), (rule.Calendar, rule.ClockStart));
    }

    [Fact]
    public void Resolve_EveryRegimeCategoryAndSeverity_TimesAcknowledgeActAndPreservation()
    {
        foreach (var regime in Regimes.All)
        {
            foreach (var category in regime.Categories)
            {
                foreach (var severity in Enum.GetValues<SeverityLevel>())
                {
                    var policy = PolicyCatalog.Shipped.Resolve(regime.Id, category, severity, Received);
                    foreach (var stage in new[] { SlaStage.Acknowledge, SlaStage.Act, SlaStage.Preservation })
                    {
                        Assert.True(policy.For(stage) is not null, $"{regime.Id}/{category}/{severity}/{stage}");
                    }

                    Assert.All(policy.Rules, r => Assert.True(CalendarCatalog.Shipped.TryGet(r.Calendar, out _), r.Calendar));
                }
            }
        }
    }

    [Fact]
    public void Resolve_CategoryAndSeverityRules_ExactCategoryBeatsExactSeverity()
    {
        var pack = new PolicyPack("p", 1, Received.AddYears(-1),
        [
            new("de-netzdg", "*", null, SlaStage.Act, ClockStart.Receipt, new(48, DurationUnit.Hours), "de", false, null),
            new("de-netzdg", "*", SeverityLevel.High, SlaStage.Act, ClockStart.Receipt, new(12, DurationUnit.Hours), "de", false, null),
            new("de-netzdg", "unlawful", null, SlaStage.Act, ClockStart.Receipt, new(36, DurationUnit.Hours), "de", false, null),
        ], "p.json");
        var catalog = new PolicyCatalog([pack]);

        Assert.Equal(36, catalog.Resolve("de-netzdg", "unlawful", SeverityLevel.High, Received).For(SlaStage.Act)!.Length.Amount);
        Assert.Equal(12, catalog.Resolve("de-netzdg", "manifestly-unlawful", SeverityLevel.High, Received).For(SlaStage.Act)!.Length.Amount);
        Assert.Equal(48, catalog.Resolve("de-netzdg", "manifestly-unlawful", SeverityLevel.Low, Received).For(SlaStage.Act)!.Length.Amount);
    }

    [Fact]
    public void Resolve_NewerPackLoadedLater_OldCaseKeepsItsStoredPolicy()
    {
        var v1 = PolicyCatalog.Shipped;
        var stored = v1.Resolve(Regimes.DeNetzDg, Categories.Unlawful, SeverityLevel.Medium, Received);
        var v2Pack = v1.PackAt(Received) with
        {
            Version = 99,
            EffectiveFrom = Received.AddDays(30),
            Rules = [.. v1.PackAt(Received).Rules.Select(r => r.Key == "de-netzdg/unlawful/*/act" ? r with { Length = new(5, DurationUnit.CalendarDays) } : r)],
        };

        var v2 = v1.With(v2Pack);
        var fresh = v2.Resolve(Regimes.DeNetzDg, Categories.Unlawful, SeverityLevel.Medium, Received.AddDays(31));

        Assert.Equal((1, 7), (stored.PackVersion, stored.For(SlaStage.Act)!.Length.Amount));
        Assert.Equal((99, 5), (fresh.PackVersion, fresh.For(SlaStage.Act)!.Length.Amount));

        // Re-judging the old case goes through the stored value; the same receipt time still picks v1.
        Assert.Equal(stored.For(SlaStage.Act), v2.Resolve(Regimes.DeNetzDg, Categories.Unlawful, SeverityLevel.Medium, Received).For(SlaStage.Act));
        Assert.DoesNotContain(v1.Packs, p => p.Version == 99);
    }

    [Fact]
    public void Resolve_BeforeAnyPackIsEffective_Fails()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            PolicyCatalog.Shipped.Resolve(Regimes.UsDmca, Categories.Copyright, SeverityLevel.Low, new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero)));

        Assert.Contains("no policy pack is effective", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-copyright", "copyright")]
    [InlineData("us-dmca", "privacy")]
    public void Resolve_UnknownRegimeOrCategory_Throws(string regime, string category)
    {
        Assert.Throws<ArgumentException>(() => PolicyCatalog.Shipped.Resolve(regime, category, SeverityLevel.Low, Received));
    }

    [Fact]
    public void Constructor_SamePackVersionTwice_Throws()
    {
        var pack = PolicyCatalog.Shipped.Packs[0];

        Assert.Throws<ArgumentException>(() => new PolicyCatalog([pack, pack with { FileName = "copy.json" }]));
    }

    [Fact]
    public void Shipped_Calendars_AllSixLoadFromEmbeddedData()
    {
        Assert.Equal(["au", "cn", "de", "eu", "in", "us-federal"], CalendarCatalog.Shipped.All.Select(c => c.Id));
        Assert.Equal("Asia/Shanghai", CalendarCatalog.Shipped.Get("cn").TimeZone.Id);
        Assert.Equal("America/New_York", CalendarCatalog.Shipped.Get("us-federal").TimeZone.Id);
        Assert.Equal("Europe/Berlin", CalendarCatalog.Shipped.Get("de").TimeZone.Id);
    }
}
