using System.Text.Json.Nodes;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class PolicyPackReaderTests
{
    private const string File = "policy-pack.v9.json";

    private const string ValidRule = """
        { "regime": "us-dmca", "category": "*", "severity": "*", "stage": "counter-notice-restoration",
          "clockStart": "counter-notice", "length": 14, "unit": "business-days", "calendar": "us-federal",
          "statutory": true, "basis": "17 USC 512(g)(2)(C)",
          "minimum": { "length": 10, "unit": "business-days", "statutory": true, "basis": "17 USC 512(g)(2)(C)" } }
        """;

    private static string Pack(params string[] rules) =>
        $$"""{ "id": "test", "version": 9, "effectiveFrom": "2025-06-01T00:00:00Z", "rules": [{{string.Join(",", rules)}}] }""";

    private static string Mutated(string field, string? json)
    {
        var rule = JsonNode.Parse(ValidRule)!.AsObject();
        if (json is null)
        {
            rule.Remove(field);
        }
        else
        {
            rule[field] = JsonNode.Parse(json);
        }

        return Pack(rule.ToJsonString());
    }

    [Fact]
    public void Read_ValidPack_ReadsRuleWithWindow()
    {
        var pack = PolicyPackReader.Read(File, Pack(ValidRule), CalendarCatalog.Shipped).GetValueOrThrow();

        var rule = Assert.Single(pack.Rules);
        Assert.Equal(("test", 9), (pack.Id, pack.Version));
        Assert.Equal(new SlaLength(14, DurationUnit.BusinessDays), rule.Length);
        Assert.Equal(new SlaLength(10, DurationUnit.BusinessDays), rule.Minimum!.Length);
    }

    [Theory]
    [InlineData("regime", "\"us-copyright\"", "unknown regime")]
    [InlineData("category", "\"privacy\"", "unknown category")] // a DSA category, not a DMCA one
    [InlineData("severity", "\"extreme\"", "unknown severity")]
    [InlineData("stage", "\"takedown\"", "unknown stage")]
    [InlineData("unit", "\"weeks\"", "unknown unit")]
    [InlineData("clockStart", "\"notice\"", "unknown clockStart")]
    [InlineData("calendar", "\"fr\"", "unknown calendar")]
    [InlineData("length", "0", "must be positive")]
    [InlineData("length", "-3", "must be positive")]
    [InlineData("basis", null, "must cite its legal basis")]
    [InlineData("statutory", null, "is required")]
    [InlineData("lenght", "14", "unknown property")]
    [InlineData("minimum", """{ "length": 15, "unit": "business-days", "statutory": true, "basis": "x" }""", "shorter than the deadline")]
    public void Read_OneBadField_NamesFileRuleAndField(string field, string? json, string message)
    {
        var result = PolicyPackReader.Read(File, Mutated(field, json), CalendarCatalog.Shipped);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(File, error.File);
        Assert.StartsWith("rule 0 (", error.Item, StringComparison.Ordinal);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{File}: rule 0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BusinessDaysOnZoneOnlyCalendar_IsRejected()
    {
        var result = PolicyPackReader.Read(File, Mutated("calendar", "\"eu\""), CalendarCatalog.Shipped);

        Assert.Contains(result.Errors, e => e.Field == "calendar" && e.Message.Contains("no holiday data", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DuplicateRule_NamesBothRules()
    {
        var result = PolicyPackReader.Read(File, Pack(ValidRule, ValidRule), CalendarCatalog.Shipped);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("rule 1 (us-dmca/*/*/counter-notice-restoration)", error.Item, StringComparison.Ordinal);
        Assert.Contains("duplicates rule 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MinimumOutsideRestorationStage_IsRejected()
    {
        var json = Mutated("stage", "\"act\"");

        var error = Assert.Single(PolicyPackReader.Read(File, json, CalendarCatalog.Shipped).Errors);
        Assert.Equal("minimum", error.Field);
    }

    [Theory]
    [InlineData("""{ "id": "test", "version": 0, "effectiveFrom": "2025-06-01T00:00:00Z", "rules": [] }""", "version")]
    [InlineData("""{ "id": "test", "version": 1, "effectiveFrom": "2025-06-01T00:00:00", "rules": [] }""", "effectiveFrom")]
    [InlineData("""{ "version": 1, "effectiveFrom": "2025-06-01T00:00:00Z", "rules": [] }""", "id")]
    [InlineData("""{ "id": "test", "version": 1, "effectiveFrom": "2025-06-01T00:00:00Z" }""", "rules")]
    [InlineData("""{ "id": "test", "version": 1, """, "$")]
    public void Read_BadTopLevel_NamesField(string json, string field)
    {
        var result = PolicyPackReader.Read(File, json, CalendarCatalog.Shipped);

        Assert.Null(result.Value);
        Assert.Contains(result.Errors, e => e.File == File && e.Item is null && e.Field == field);
    }

    [Fact]
    public void GetValueOrThrow_SeveralErrors_ListsEveryOne()
    {
        var bad = ValidRule.Replace("\"us-federal\"", "\"fr\"", StringComparison.Ordinal).Replace("14,", "0,", StringComparison.Ordinal);

        var ex = Assert.Throws<PolicyDataException>(() => PolicyPackReader.Read(File, Pack(bad), CalendarCatalog.Shipped).GetValueOrThrow());

        Assert.Equal(["calendar", "length"], ex.Errors.Select(e => e.Field).Order());
        Assert.Contains("unknown calendar 'fr'", ex.Message, StringComparison.Ordinal);
    }
}
