using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

/// <summary>Pack version 2: a doxxing notice exposing a highly sensitive kind gets the 1-hour act target whatever its severity.</summary>
public class ExposingPolicyTests
{
    private static readonly DateTimeOffset UnderV2 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset UnderV1 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static ResolvedRule Act(string category, SeverityLevel severity, DateTimeOffset at, params string[] exposed) =>
        PolicyCatalog.Shipped.Resolve(Regimes.CnPersonalInfo, category, severity, at, exposed: exposed).For(SlaStage.Act)!;

    [Theory]
    [InlineData("id-number")]
    [InlineData("home-address")]
    [InlineData("phone")]
    [InlineData("medical")]
    public void Resolve_HighlySensitiveCategoryAtLowSeverity_OneHour(string category)
    {
        var act = Act(category, SeverityLevel.Low, UnderV2);
        Assert.Equal(new SlaLength(1, DurationUnit.Hours), act.Length);
        Assert.Equal("cn-personal-info/*/*/act/exposing", act.PackRuleKey);
        Assert.Contains("highly sensitive", act.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-number")]
    [InlineData("phone")]
    [InlineData("home-address")]
    public void Resolve_PhotosNoticeWhoseExcerptExposesASensitiveKind_OneHour(string detected) =>
        Assert.Equal(new SlaLength(1, DurationUnit.Hours), Act(Categories.Photos, SeverityLevel.Low, UnderV2, detected).Length);

    [Theory]
    [InlineData("photos")]
    [InlineData("private-messages")]
    [InlineData("other-personal-info")]
    public void Resolve_NoHighlySensitiveKind_KeepsTwentyFourHours(string category) =>
        Assert.Equal(new SlaLength(24, DurationUnit.Hours), Act(category, SeverityLevel.Medium, UnderV2, "email", "licence-plate").Length);

    [Fact]
    public void Resolve_ReceivedBeforeVersion2_KeepsVersion1AndItsTwentyFourHours()
    {
        var policy = PolicyCatalog.Shipped.Resolve(Regimes.CnPersonalInfo, Categories.IdNumber, SeverityLevel.Medium, UnderV1, exposed: ["id-number"]);
        Assert.Equal(1, policy.PackVersion);
        Assert.Equal(new SlaLength(24, DurationUnit.Hours), policy.For(SlaStage.Act)!.Length);
    }

    [Fact]
    public void Resolve_Version2_OtherRegimesAreUnchanged()
    {
        foreach (var regime in Regimes.All.Where(r => r.Id != Regimes.CnPersonalInfo))
        {
            foreach (var category in regime.Categories)
            {
                var v1 = PolicyCatalog.Shipped.Resolve(regime.Id, category, SeverityLevel.Medium, UnderV1, exposed: ["id-number"]);
                var v2 = PolicyCatalog.Shipped.Resolve(regime.Id, category, SeverityLevel.Medium, UnderV2, exposed: ["id-number"]);
                Assert.Equal(v1.Rules.Select(r => (r.Stage, r.Length)), v2.Rules.Select(r => (r.Stage, r.Length)));
            }
        }
    }

    [Theory]
    [InlineData("[]", "must name at least one kind")]
    [InlineData("[\"shoe-size\"]", "unknown kind 'shoe-size'")]
    public void Read_BadExposingList_NamesTheField(string json, string message)
    {
        const string rule = """
            { "regime": "cn-personal-info", "category": "*", "severity": "*", "stage": "act", "clockStart": "receipt",
              "length": 1, "unit": "hours", "calendar": "cn", "statutory": false, "basis": "test", "exposing": EXPOSING }
            """;
        var pack = $$"""{ "id": "test", "version": 9, "effectiveFrom": "2025-06-01T00:00:00Z", "rules": [{{rule.Replace("EXPOSING", json, StringComparison.Ordinal)}}] }""";
        var error = Assert.Single(PolicyPackReader.Read("p.json", pack, CalendarCatalog.Shipped).Errors);
        Assert.Equal("exposing", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
