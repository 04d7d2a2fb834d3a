using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using TakedownFn.Testing;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// The README's example requests (its <c>```http</c> blocks) validate against the request schemas of
/// the generated OpenAPI document, so the README cannot show a field or shape the API does not take.
/// </summary>
public partial class ReadmeExampleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string> Examples() => [.. ReadExamples().Select(e => e.Title)];

    [Fact]
    public void Readme_Examples_AreFoundInHttpAndCurlBlocks()
    {
        Assert.Contains(ReadExamples(), e => e.Title.StartsWith("POST /api/cases/{id}/steps", StringComparison.Ordinal));
        Assert.Contains(ReadExamples(), e => e.Title.EndsWith(", curl)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"kind\": \"content-removed\", \"occuredAt\": \"2026-12-01T09:00:00Z\"}")]
    [InlineData("{\"kind\": \"evidence-preserved\", \"evidence\": {\"contentHash\": \"ab\", \"retentionDays\": \"a year\"}}")]
    public async Task StepSchema_MisspeltFieldOrWrongType_FailsValidation(string body)
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await OpenApiDocumentTests.GetDocumentAsync(app);
        var schema = document["paths"]!["/api/cases/{id}/steps"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;

        using var json = JsonDocument.Parse(body);

        Assert.False(Strict(document, schema).Evaluate(json.RootElement).IsValid);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Readme_ExampleRequest_ValidatesAgainstTheDocumentsSchema(string title)
    {
        var example = ReadExamples().Single(e => e.Title == title);
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await OpenApiDocumentTests.GetDocumentAsync(app);
        var operation = FindOperation(document, example.Method, example.Path);
        Assert.True(operation is not null, $"{example.Method} {example.Path} is not in the OpenAPI document.");
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        Assert.True(schema is not null, $"{example.Method} {example.Path} has an example body but no request schema.");
        var validator = Strict(document, schema);

        foreach (var body in example.Bodies)
        {
            var result = validator.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

            Assert.True(result.IsValid, $"{title}: {body.RootElement.GetRawText()}\n{JsonSerializer.Serialize(result.Details?.Where(d => d.Errors is not null).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"))}");
        }
    }

    /// <summary>The request schema, strict (<see cref="DocumentSchemas.Strict"/>), so a misspelt field in the README fails.</summary>
    private static JsonSchema Strict(JsonNode document, JsonNode schema) => DocumentSchemas.Strict(document, schema);

    private static JsonNode? FindOperation(JsonNode document, string method, string path)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?\}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && item![method.ToLowerInvariant()] is { } operation)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>Each <c>```http</c> block with a JSON body: its request line and body (or one body per line).</summary>
    private static IReadOnlyList<Example> ReadExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var examples = new List<Example>();
        foreach (Match block in HttpBlock().Matches(readme))
        {
            var text = block.Groups[1].Value;
            var requestLine = text.Split('\n')[0].Trim().Split(' ');
            var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
            // Answers (HTTP/1.1 429 …) are shown in http blocks too; only requests have a schema here.
            if (blank < 0 || requestLine.Length < 2 || !RequestMethods.Contains(requestLine[0]))
            {
                continue;
            }

            var body = text[(blank + 2)..].Trim();
            IReadOnlyList<JsonDocument> bodies;
            try
            {
                bodies = [JsonDocument.Parse(body)];
            }
            catch (JsonException)
            {
                bodies = [.. body.Split('\n').Where(l => l.TrimStart().StartsWith('{')).Select(l => JsonDocument.Parse(l))];
            }

            var path = requestLine[1].Split('?')[0];
            var title = $"{requestLine[0]} {path} (README line {readme[..block.Index].Count(c => c == '\n') + 1})";
            examples.Add(new Example(title, requestLine[0], path, bodies));
        }

        // curl examples with a JSON body: curl -X METHOD host/api/... -d '{...}'
        foreach (Match block in ShBlock().Matches(readme))
        {
            foreach (var line in block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            {
                if (CurlWithBody().Match(line) is { Success: true } curl)
                {
                    var method = curl.Groups["method"].Success ? curl.Groups["method"].Value : "POST";
                    var title = $"{method} {curl.Groups["path"].Value} (README line {readme[..block.Index].Count(c => c == '\n') + 1}, curl)";
                    examples.Add(new Example(title, method, curl.Groups["path"].Value, [JsonDocument.Parse(curl.Groups["body"].Value)]));
                }
            }
        }

        return examples;
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"^\s*curl\b(?:.*?-X (?<method>[A-Z]+))?.*?\S*?(?<path>/api/[^\s?'""]+).*?-d '(?<body>\{.*\})'")]
    private static partial Regex CurlWithBody();

    private static readonly string[] RequestMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    [GeneratedRegex("```http\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HttpBlock();

    private sealed record Example(string Title, string Method, string Path, IReadOnlyList<JsonDocument> Bodies);
}
