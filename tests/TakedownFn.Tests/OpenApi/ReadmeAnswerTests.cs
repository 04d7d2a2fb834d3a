using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using TakedownFn.Testing;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// The README's example answers (a <c>```json</c> block marked <c>&lt;!-- answer: GET /api/… 200 --&gt;</c>)
/// and marked example bodies (<c>&lt;!-- request: PUT /api/… --&gt;</c>) validate against the document's
/// schema for that route and status. Examples may be abridged (fields left out, or a member
/// <c>"…": …</c> standing for them), but every field shown must be one the schema names, of its type.
/// </summary>
public partial class ReadmeAnswerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string> Marked() => [.. ReadMarked().Select(m => m.Title)];

    [Fact]
    public void Readme_MarkedExamples_IncludeAnswersAndTheOverrideBody()
    {
        Assert.True(ReadMarked().Count(m => m.Status is not null) >= 5);
        Assert.Contains(ReadMarked(), m => m.Title.StartsWith("request PUT /api/tenants/{tenantId}/sla-override", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Marked))]
    public async Task Readme_MarkedExample_ValidatesAgainstTheDocument(string title)
    {
        var example = ReadMarked().Single(m => m.Title == title);
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await OpenApiDocumentTests.GetDocumentAsync(app);
        var operation = new DocumentResponses(document).Find(example.Method, example.Path).Operation;
        Assert.True(operation is not null, $"{title}: not in the document");
        var schema = example.Status is { } status
            ? operation["responses"]?[status]?["content"]?["application/json"]?["schema"]
            : operation["requestBody"]?["content"]?["application/json"]?["schema"];
        Assert.True(schema is not null, $"{title}: the document has no JSON schema for it");
        var shown = JsonNode.Parse(example.Json)!;
        Unabridge(shown);
        using var json = JsonDocument.Parse(shown.ToJsonString());

        var result = DocumentSchemas.Strict(document, schema, requireAll: example.Status is null)
            .Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, $"{title}: " + DocumentSchemas.Describe(result));
    }

    /// <summary>Removes the <c>"…"</c> members that stand for the fields an abridged example leaves out.</summary>
    private static void Unabridge(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("…");
                foreach (var (_, child) in o)
                {
                    Unabridge(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Unabridge(child);
                }

                break;
        }
    }

    private static IReadOnlyList<MarkedExample> ReadMarked()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return [.. MarkedBlock().Matches(readme).Select(m => new MarkedExample(
            $"{m.Groups["what"].Value} {m.Groups["method"].Value} {m.Groups["path"].Value} {m.Groups["status"].Value}".TrimEnd() + $" (README line {readme[..m.Index].Count(c => c == '\n') + 1})",
            m.Groups["method"].Value,
            m.Groups["path"].Value,
            m.Groups["status"].Success ? m.Groups["status"].Value : null,
            m.Groups["json"].Value))];
    }

    [GeneratedRegex(@"<!-- (?<what>answer|request): (?<method>[A-Z]+) (?<path>/api/\S+)(?: (?<status>\d{3}))? -->\n```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    private sealed record MarkedExample(string Title, string Method, string Path, string? Status, string Json);
}
