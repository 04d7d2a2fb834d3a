using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.OpenApi;
using TakedownFn.Tests.Functions;
using TakedownFn.Testing;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// The generated document held to the app: every route either host serves is documented, every
/// documented route is served, and what a client needs to call them (the key, the errors) is there.
/// </summary>
public class OpenApiDocumentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Document_Paths_AreExactlyTheRoutesTheStandaloneHostServes()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => !IsDocumentation("/" + e.RoutePattern.RawText!.TrimStart('/')))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order();

        Assert.Equal(served, Operations(document));
    }

    [Fact]
    public async Task Document_Paths_AreExactlyTheHttpFunctionsOfTheFunctionsHost()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);
        var functions = GeneratedFunctions.Read().Where(f => f.Trigger.Type == "httpTrigger")
            .Select(f => $"{f.Trigger.Methods![0].ToUpperInvariant()} /api/{f.Trigger.Route}")
            .Where(route => !IsDocumentation(route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]))
            .Order();

        Assert.Equal(functions, Operations(document));
    }

    [Fact]
    public async Task Document_Version_IsOpenApi31WithTheApiKeyHeaderScheme()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);
        var scheme = document["components"]!["securitySchemes"]![ApiKeySchemeTransformer.SchemeId]!;

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Document_AuthorizedOperation_RequiresTheKeyAndDescribesItsProblems()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);
        var getCase = document["paths"]!["/api/cases/{id}"]!["get"]!;
        var health = document["paths"]!["/api/health"]!["get"]!;

        Assert.NotNull(getCase["security"]![0]![ApiKeySchemeTransformer.SchemeId]);
        foreach (var status in new[] { "401", "403", "404", "429" })
        {
            Assert.NotNull(getCase["responses"]![status]!["content"]!["application/problem+json"]!["schema"]);
        }

        Assert.Null(health["security"]);
        Assert.Null(health["responses"]!["401"]);
    }

    [Fact]
    public async Task Document_SubmitNotice_DescribesTheNoticeBodyAndTheFieldErrors()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);
        var submit = document["paths"]!["/api/notices"]!["post"]!;
        var body = Resolve(document, submit["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var errors = Resolve(document, submit["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!);

        Assert.NotNull(body["properties"]!["regime"]);
        Assert.NotNull(body["properties"]!["items"]);
        Assert.NotNull(body["properties"]!["channel"]);
        Assert.NotNull(errors["properties"]!["errors"]);
    }

    [Fact]
    public async Task Document_EveryOperation_DescribesASuccessWithItsBody()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);

        // A route ResponseBodies does not name gets the generator's bare "200 OK": a client would not know what it answers.
        var bare = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key.ToUpperInvariant()} {path.Key}", Responses: operation.Value!["responses"]!.AsObject())))
            .Where(o => !o.Responses.Any(r => r.Key.StartsWith('2') && r.Value!["content"] is JsonObject { Count: > 0 }))
            .Select(o => o.Name);

        Assert.Empty(bare);
    }

    [Theory]
    [InlineData("business-days", true)]
    [InlineData("seconds", true)]
    [InlineData("fortnights", false)]
    public async Task SlaOverrideSchema_Unit_IsOneOfTheUnitsTheReaderTakes(string unit, bool valid)
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var document = await GetDocumentAsync(app);
        var schema = document["paths"]!["/api/tenants/{tenantId}/sla-override"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var body = $$"""{"tenant": "t-acme", "version": 2, "rules": [{"regime": "us-dmca", "category": "copyright", "stage": "act", "length": 3, "unit": "{{unit}}"}]}""";
        using var json = System.Text.Json.JsonDocument.Parse(body);

        var read = TakedownFn.Domain.Sla.TenantOverrideReader.Read("override.json", body);

        Assert.Equal(valid, DocumentSchemas.Strict(document, schema).Evaluate(json.RootElement).IsValid);
        Assert.Equal(valid, read.Errors.Count == 0);
    }

    [Fact]
    public async Task WorkerDocument_Paths_EqualTheStandaloneDocument()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var standalone = await GetDocumentAsync(app);
        var source = ActivatorUtilities.CreateInstance<OpenApiDocumentSource>(app.Services);

        var worker = JsonNode.Parse(await source.GetJsonAsync())!;

        Assert.Equal(Operations(standalone), Operations(worker));
    }

    [Fact]
    public async Task Docs_Page_ServesTheReferenceUiWithItsScriptFromTheApp()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(OpenApiRegistration.DocsPath);

        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.jsdelivr", page, StringComparison.OrdinalIgnoreCase);
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.False(Uri.TryCreate(script, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal), script);
            using var response = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, OpenApiRegistration.DocsPath + "/"), script));
            Assert.True(response.IsSuccessStatusCode, $"{script}: {response.StatusCode}");
        }
    }

    internal static async Task<JsonNode> GetDocumentAsync(TakedownFnFactory app)
    {
        using var client = app.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync(OpenApiRegistration.DocumentPath))!;
    }

    /// <summary>A <c>$ref</c> to a component, followed; an inline schema as it is.</summary>
    internal static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!
            : schema;

    private static IOrderedEnumerable<string> Operations(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order();

    /// <summary>The document and its UI describe the API, and the dashboard's files are a page that reads it; they are not part of it.</summary>
    private static bool IsDocumentation(string route) =>
        route == OpenApiRegistration.DocumentPath || route.StartsWith(OpenApiRegistration.DocsPath, StringComparison.Ordinal)
        || route.StartsWith(TakedownFn.Dashboard.DashboardEndpoints.ApiPath + "/", StringComparison.Ordinal);
}
