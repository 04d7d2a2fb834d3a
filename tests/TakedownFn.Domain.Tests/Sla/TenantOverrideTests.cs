using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class TenantOverrideTests
{
    private static readonly DateTimeOffset Received = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static TenantOverride Override(string rulesJson) =>
        TenantOverrideReader.Read("tenant.platform-a.json", $$"""{ "tenant": "platform-a", "version": 3, "rules": [{{rulesJson}}] }""").GetValueOrThrow();

    [Fact]
    public void Resolve_TighteningAStatutoryDeadline_AppliesAndRecordsBothVersions()
    {
        var tenant = Override("""{ "regime": "de-netzdg", "category": "unlawful", "stage": "act", "length": 3, "unit": "calendar-days" }""");

        var policy = PolicyCatalog.Shipped.Resolve(Regimes.DeNetzDg, Categories.Unlawful, SeverityLevel.Low, Received, tenant);

        var act = policy.For(SlaStage.Act)!;
        Assert.Equal(new SlaLength(3, DurationUnit.CalendarDays), act.Length);
        Assert.Equal(new SlaLength(7, DurationUnit.CalendarDays), act.PackLength);
        Assert.Equal(("takedownfn-default", 1, "platform-a", (int?)3), (policy.PackId, policy.PackVersion, policy.TenantId, policy.TenantOverrideVersion));
        Assert.Empty(PolicyCatalog.Shipped.Check(tenant));
    }

    [Theory]
    [InlineData("""{ "regime": "de-netzdg", "category": "manifestly-unlawful", "stage": "act", "length": 48, "unit": "hours" }""", "loosen")]
    [InlineData("""{ "regime": "in-it-rules", "category": "*", "stage": "acknowledge", "length": 2, "unit": "calendar-days" }""", "loosen")]
    // Days against hours: 2 calendar days cannot be shown to end before 24 hours, so it is rejected.
    [InlineData("""{ "regime": "au-osa", "category": "*", "stage": "act", "length": 1, "unit": "calendar-days" }""", "loosen")]
    [InlineData("""{ "regime": "us-dmca", "category": "*", "stage": "counter-notice-restoration", "length": 15, "unit": "business-days" }""", "loosen")]
    [InlineData("""{ "regime": "de-netzdg", "category": "*", "stage": "preservation", "length": 30, "unit": "calendar-days" }""", "shorten")]
    public void Resolve_LooseningAStatutoryLength_IsRejectedNamingTheRule(string rule, string verb)
    {
        var tenant = Override(rule);
        var regime = tenant.Rules[0].Regime;
        var category = Regimes.All.Single(r => r.Id == regime).Categories[0];

        var ex = Assert.Throws<PolicyDataException>(() => PolicyCatalog.Shipped.Resolve(regime, category, SeverityLevel.Medium, Received, tenant));

        Assert.Contains($"would {verb} the statutory", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tenant.platform-a.json", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(PolicyCatalog.Shipped.Check(tenant));
    }

    [Fact]
    public void Resolve_HoursTighterThanStatutoryDays_IsAccepted()
    {
        // 7 calendar days last at least 7 x 23 h = 161 h even across a DST change; 72 h is surely tighter.
        var tenant = Override("""{ "regime": "de-netzdg", "category": "unlawful", "stage": "act", "length": 72, "unit": "hours" }""");

        var act = PolicyCatalog.Shipped.Resolve(Regimes.DeNetzDg, Categories.Unlawful, SeverityLevel.Low, Received, tenant).For(SlaStage.Act)!;

        Assert.Equal(new SlaLength(72, DurationUnit.Hours), act.Length);
    }

    [Fact]
    public void Resolve_LooseningAPlatformTarget_IsAllowed()
    {
        // DSA Art. 16(6) only says "timely": the 72 h is the platform's own target.
        var tenant = Override("""{ "regime": "eu-dsa-16", "category": "*", "stage": "act", "length": 120, "unit": "hours" }""");

        var act = PolicyCatalog.Shipped.Resolve(Regimes.EuDsa16, Categories.Privacy, SeverityLevel.Low, Received, tenant).For(SlaStage.Act)!;

        Assert.Equal(120, act.Length.Amount);
        Assert.False(act.Statutory);
    }

    [Fact]
    public void Resolve_DeadlineAtOrBeforeTheWindowsMinimum_IsRejected()
    {
        // 17 USC 512(g)(2)(C): restoring before 10 business days is not allowed, so a 10-day deadline cannot be met.
        var tenant = Override("""{ "regime": "us-dmca", "category": "*", "stage": "counter-notice-restoration", "length": 10, "unit": "business-days" }""");

        var ex = Assert.Throws<PolicyDataException>(() => PolicyCatalog.Shipped.Resolve(Regimes.UsDmca, Categories.Copyright, SeverityLevel.Low, Received, tenant));

        Assert.Contains("longer than the window's minimum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ExactCategoryOverride_BeatsWildcardOverride()
    {
        var tenant = Override("""
            { "regime": "in-it-rules", "category": "*", "stage": "act", "length": 10, "unit": "calendar-days" },
            { "regime": "in-it-rules", "category": "other", "stage": "act", "length": 5, "unit": "calendar-days" }
            """);

        Assert.Equal(5, PolicyCatalog.Shipped.Resolve(Regimes.InItRules, Categories.Other, SeverityLevel.Low, Received, tenant).For(SlaStage.Act)!.Length.Amount);
    }

    [Fact]
    public void Check_RuleForAStageThePackDoesNotTime_IsReported()
    {
        var tenant = Override("""{ "regime": "de-netzdg", "category": "*", "stage": "counter-notice-restoration", "length": 5, "unit": "business-days" }""");

        var error = Assert.Single(PolicyCatalog.Shipped.Check(tenant));

        Assert.Contains("nothing to tighten", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "regime": "de-netzdg", "category": "*", "stage": "act", "length": 0, "unit": "hours" }""", "length")]
    [InlineData("""{ "regime": "de-netzdg", "category": "*", "stage": "act", "length": 5, "unit": "fortnights" }""", "unit")]
    [InlineData("""{ "regime": "de-netzdg", "category": "copyright", "stage": "act", "length": 5, "unit": "hours" }""", "category")]
    [InlineData("""{ "regime": "fr-loi", "category": "*", "stage": "act", "length": 5, "unit": "hours" }""", "regime")]
    [InlineData("""{ "regime": "de-netzdg", "category": "*", "stage": "decide", "length": 5, "unit": "hours" }""", "stage")]
    public void Read_BadTenantRule_NamesFileRuleAndField(string rule, string field)
    {
        var result = TenantOverrideReader.Read("tenant.platform-a.json", $$"""{ "tenant": "platform-a", "version": 1, "rules": [{{rule}}] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("tenant.platform-a.json", "rule 0", field), (error.File, error.Item, error.Field));
    }
}
