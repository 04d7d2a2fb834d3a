using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Functions;
using TakedownFn.StatementsOfReasons;
using TakedownFn.Reports;
using TakedownFn.Storage;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Functions;

/// <summary>
/// The build's functions.metadata is what the Functions host reads to know the app's functions. It
/// is held to the expected list here, and the standalone host (its catalog and its endpoints) to it.
/// </summary>
public class FunctionMetadataTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Every function: name, trigger, and the route and methods, queue or schedule.</summary>
    public static readonly IReadOnlyList<ExpectedFunction> Expected =
    [
        Http("SubmitNotice", "post", "notices", Policies.SubmitNotices),
        Http("SubmitNoticeBatch", "post", "notices/batch", Policies.SubmitNotices),
        Http("ListCases", "get", "cases", Policies.ReadCases),
        Http("GetCase", "get", "cases/{id}", Policies.ReadCases),
        Http("RecordStep", "post", "cases/{id}/steps", Policies.SubmitNotices),
        Http("CreateTenant", "post", "tenants", Policies.ManageTenants),
        Http("IssueKey", "post", "tenants/{tenantId}/keys", Policies.ManageTenants),
        Http("ListKeys", "get", "tenants/{tenantId}/keys", Policies.ManageTenants),
        Http("RevokeKey", "delete", "tenants/{tenantId}/keys/{keyId}", Policies.ManageTenants),
        Http("SetRequestSigning", "put", "tenants/{tenantId}/request-signing", Policies.ManageTenants),
        Http("SetSlaOverride", "put", "tenants/{tenantId}/sla-override", Policies.ManageTenants),
        Http("SetEscalationWebhook", "put", "tenants/{tenantId}/escalation-webhook", Policies.ManageTenants),
        Http("GetAtRisk", "get", "sla/at-risk", Policies.ReadCases),
        Http("Health", "get", "health", null),
        Http("GetLedgerCheckpoint", "get", "ledger/checkpoint", Policies.ReadLedger),
        Http("GetLedgerKeys", "get", "ledger/keys", Policies.ReadLedger),
        Http("GetLedgerInclusionProof", "get", "ledger/proofs/inclusion", Policies.ReadLedger),
        Http("GetLedgerConsistencyProof", "get", "ledger/proofs/consistency", Policies.ReadLedger),
        Http("GetLedgerLeaves", "get", "ledger/leaves", Policies.ReadLedger),
        Http("ExportLedger", "get", "ledger/export", Policies.ReadLedger),
        Http("ExportStatementsOfReasons", "get", "reports/statements-of-reasons", StatementsOfReasonsEndpoints.ExportPolicy),
        Http("GetSlaReport", "get", "reports/sla", ReportPolicies.ReadReports),
        Http("CloseReportPeriod", "post", "reports/periods", ReportPolicies.OfficerReports),
        Http("GetReportPeriod", "get", "reports/periods/{id}", ReportPolicies.ReadReports),
        Http("GetReportPeriodDifferences", "get", "reports/periods/{id}/differences", ReportPolicies.ReadReports),
        Http("GetCaseEvidence", "get", "cases/{id}/evidence", Policies.ReadLedger),
        Http("GetSafeHarbourStatement", "get", "reports/safe-harbour", ReportPolicies.ReadReports),
        Http("ListIncidents", "get", "incidents", Policies.ReadIncidents),
        Http("GetIncident", "get", "incidents/{id}", Policies.ReadIncidents),
        Http("ListRepeatDisclosers", "get", "repeat-disclosers", Policies.ReadIncidents),
        Http("GetDsaTransparencyReport", "get", "reports/dsa-transparency", ReportPolicies.OfficerReports),
        Http("GetOpenApiDocument", "get", "openapi.json", null),
        Http("EraseCase", "post", "cases/{id}/erasure", Policies.ErasePersonalData),
        Http("Dashboard", "get", "dashboard/{*path}", null),
        Http("GetMe", "get", "me", Policies.AnyRole),
        Http("GetApiDocs", "get", "docs/{*path}", null),
        new("ProcessIntake", "queueTrigger", QueueName: "intake"),
        new("RecordProcessingFailure", "queueTrigger", QueueName: "intake-poison"),
        new("SweepIntake", "timerTrigger", Schedule: "0 */1 * * * *"),
        new("FireSlaTimer", "queueTrigger", QueueName: "timers"),
        new("DeliverEscalation", "queueTrigger", QueueName: "escalations"),
        new("SweepSla", "timerTrigger", Schedule: "0 */1 * * * *"),
        new("SweepSignatures", "timerTrigger", Schedule: "0 */5 * * * *"),
        new("SequenceLedger", "timerTrigger", Schedule: "*/2 * * * * *"),
        new("FoldReports", "timerTrigger", Schedule: "*/2 * * * * *"),
        new("SweepRetention", "timerTrigger", Schedule: "0 */30 * * * *"),
    ];

    public static TheoryData<string> Names() => [.. Expected.Select(f => f.Name)];

    public static TheoryData<string> HttpNames() => [.. Expected.Where(f => f.Type == "httpTrigger").Select(f => f.Name)];

    [Fact]
    public void Metadata_Generated_ListsExactlyTheExpectedFunctions()
    {
        Assert.Equal(Expected.Select(f => f.Name).Order(), GeneratedFunctions.Read().Select(f => f.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Metadata_Function_HasTheExpectedTrigger(string name)
    {
        var expected = Expected.Single(f => f.Name == name);
        var generated = GeneratedFunctions.Read().Single(f => f.Name == name);

        Assert.Equal(expected with { Policy = null }, generated.Trigger);
        Assert.Equal("dotnet-isolated", generated.Language);
        Assert.Equal("TakedownFn.dll", generated.ScriptFile);
    }

    [Theory]
    [MemberData(nameof(HttpNames))]
    public void Metadata_HttpFunction_RequiresTheStandaloneEndpointsPolicy(string name)
    {
        var expected = Expected.Single(f => f.Name == name);

        // The policy the worker's middleware applies is read from the entry point the host calls.
        Assert.Equal(expected.Policy, FunctionAuthorizationMiddleware.PolicyOf(GeneratedFunctions.Read().Single(f => f.Name == name).EntryPoint));
    }

    [Fact]
    public void PolicyOf_FunctionDeclaringNeitherAuthorizeNorAllowAnonymous_IsRefused()
    {
        // A queue function carries neither; an HTTP function that forgot its [Authorize] would be the same.
        var exception = Assert.Throws<InvalidOperationException>(() => FunctionAuthorizationMiddleware.PolicyOf("TakedownFn.Processing.ProcessingFunctions.ProcessIntake"));

        Assert.Contains("declares neither", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_QueueFunctions_ReadTheUnprefixedQueuesOfTheApp()
    {
        var resources = StorageResources.FromPrefix(null);

        Assert.Equal(
            resources.Queues.Order(),
            GeneratedFunctions.Read().Select(f => f.Trigger.QueueName).OfType<string>().Order());
    }

    [Fact]
    public void Catalog_StandaloneFunctions_EqualTheGeneratedMetadata()
    {
        var catalog = FunctionCatalog.For(StorageResources.FromPrefix(null)).Select(f => f.Trigger switch
        {
            HttpFunctionTrigger http => new ExpectedFunction(f.Name, "httpTrigger", http.Route, [.. http.Methods.Select(m => m.ToLowerInvariant())]),
            QueueFunctionTrigger queue => new ExpectedFunction(f.Name, "queueTrigger", QueueName: queue.QueueName),
            TimerFunctionTrigger timer => new ExpectedFunction(f.Name, "timerTrigger", Schedule: timer.Schedule),
            _ => throw new InvalidOperationException(f.Name),
        });

        Assert.Equal(
            GeneratedFunctions.Read().Select(f => f.Trigger.ToString()).Order(),
            catalog.Select(f => f.ToString()).Order());
    }

    [Fact]
    public async Task StandaloneEndpoints_EveryHttpFunction_IsMappedWithTheSameRouteMethodAndPolicy()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        _ = app.Server;
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            // The reference UI: Scalar's own endpoints here, one catch-all function there (OpenApiFunctionsTests hold them to one page).
            .Where(e => !e.RoutePattern.RawText!.StartsWith(TakedownFn.OpenApi.OpenApiRegistration.DocsPath, StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                $"{m} /{e.RoutePattern.RawText!.TrimStart('/')} {e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault()}"))
            .Order();
        var functions = Expected.Where(f => f.Type == "httpTrigger" && f.Name != "GetApiDocs")
            .Select(f => $"{f.Methods![0].ToUpperInvariant()} /api/{f.Route} {f.Policy}")
            .Order();

        Assert.Equal(functions, mapped);
    }

    [Fact]
    public void HttpFunctions_NoRoute_StartsWithTheHostsAdminPrefix()
    {
        Assert.DoesNotContain(Expected, f => f.Route?.StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Theory]
    [InlineData(60, "0 */1 * * * *")]
    [InlineData(5, "*/5 * * * * *")]
    [InlineData(300, "0 */5 * * * *")]
    public void TimerSchedule_Period_IsTheNcrontabTheHostReads(int seconds, string expected)
    {
        Assert.Equal(expected, new TimerFunctionTrigger(TimeSpan.FromSeconds(seconds)).Schedule);
    }

    private static ExpectedFunction Http(string name, string method, string route, string? policy) =>
        new(name, "httpTrigger", route, [method], Policy: policy);
}

/// <summary>A function as the host sees it; <see cref="Policy"/> is what our middleware adds.</summary>
public sealed record ExpectedFunction(
    string Name, string Type, string? Route = null, IReadOnlyList<string>? Methods = null, string? QueueName = null, string? Schedule = null, string? Policy = null)
{
    public bool Equals(ExpectedFunction? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public override string ToString() =>
        $"{Name} {Type} route={Route} methods={(Methods is null ? null : string.Join(',', Methods))} queue={QueueName} schedule={Schedule} policy={Policy}";
}

/// <summary>The functions.metadata the build wrote into the app's output (copied beside the tests).</summary>
public sealed record GeneratedFunction(string Name, string EntryPoint, string ScriptFile, string Language, ExpectedFunction Trigger);

public static class GeneratedFunctions
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    public static IReadOnlyList<GeneratedFunction> Read()
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: the Worker Sdk writes it when the app builds.");
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var name = function.GetProperty("name").GetString()!;
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new GeneratedFunction(
                name,
                function.GetProperty("entryPoint").GetString()!,
                function.GetProperty("scriptFile").GetString()!,
                function.GetProperty("language").GetString()!,
                new ExpectedFunction(
                    name,
                    trigger.GetProperty("type").GetString()!,
                    String(trigger, "route"),
                    trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant())] : null,
                    String(trigger, "queueName"),
                    String(trigger, "schedule")));
        })];
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
