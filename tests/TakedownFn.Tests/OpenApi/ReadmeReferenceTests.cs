using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TakedownFn.Cases;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Cases.Steps;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Sla;
using TakedownFn.Domain.Surge;
using TakedownFn.Testing;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// The README's "Reference: ids and fields" lists every id the domain code defines, so a platform
/// engineer learns them from the README rather than from 400 answers; a new id fails here until documented.
/// </summary>
public class ReadmeReferenceTests
{
    private static readonly string Reference = ReadReference();

    // Some ids are shared (the category and the notification topic "other"): each is checked once.
    public static TheoryData<string> Ids() => [.. AllIds().Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> AllIds() =>
    [
        .. Regimes.All.Select(r => r.Id),
        .. typeof(Categories).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
        .. WireIds.All<StepKind>(),
        .. WireIds.All<DurationUnit>(),
        .. WireIds.All<SlaStage>(),
        .. WireIds.All<NotificationTopic>(),
        .. WireIds.All<SeverityLevel>(),
        .. WireIds.All<NotifierRole>(),
        .. WireIds.All<Harm>(),
        .. WireIds.All<MaliceSign>(),
        .. SurgeMeasures.Recommended,
        .. NoticeIntake.Channels,
        .. Enum.GetValues<StageState>().Select(s => s.ToId()),
    ];

    public static TheoryData<string> StepFields() =>
    [
        .. JsonNames(typeof(StepSubmission)),
        .. JsonNames(typeof(EvidenceSubmission)).Select(name => $"evidence.{name}"),
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Reference_Id_IsListed(string id)
    {
        Assert.Contains($"`{id}`", Reference, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StepFields))]
    public void Reference_StepDetailField_IsListed(string field)
    {
        Assert.Contains($"`{field}`", Reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_EachRegimeRow_ListsExactlyItsCategories()
    {
        foreach (var regime in Regimes.All)
        {
            var row = Reference.Split('\n').Single(line => line.StartsWith($"| `{regime.Id}` |", StringComparison.Ordinal));
            var listed = row.Split('|')[3].Split(',').Select(c => c.Trim().Trim('`'));

            Assert.Equal(regime.Categories.Order(), listed.Order());
        }
    }

    [Fact]
    public void Reference_Examples_ShowEveryKindThePlatformReportsOnce()
    {
        var shown = StepExampleLines()
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()!);
        var reported = Enum.GetValues<StepKind>().Where(k => !CaseSteps.IsServiceOnly(k)).Select(k => k.ToId());

        Assert.Equal(reported.Order(), shown.Order());
    }

    public static TheoryData<string> StepExamples() => [.. StepExampleLines()];

    [Theory]
    [MemberData(nameof(StepExamples))]
    public void Reference_StepExample_IsAcceptedByTheStepIntake(string example)
    {
        var (submission, errors) = TakedownFn.Http.JsonBody.Deserialize<StepSubmission>(System.Text.Encoding.UTF8.GetBytes(example));
        var parsed = StepIntake.Parse(submission, DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Empty(errors);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    internal static IEnumerable<string> StepExampleLines() =>
        Reference.Split('\n').Where(line => line.StartsWith("{\"kind\":", StringComparison.Ordinal));

    private static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).OfType<string>();

    private static string ReadReference()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "README.md"));
        var start = readme.IndexOf("\n## Reference: ids and fields", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## Reference: ids and fields\" section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }
}
