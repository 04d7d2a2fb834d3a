using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Tenants;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Hosting;

/// <summary>
/// One table of requests, each sent to the standalone host's endpoint and to the worker's HTTP
/// function: both must answer with the status the row expects, and with the same content type,
/// location and body (ids, trace ids, latencies and the storage prefix aside).
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerHttpParityTests(WorkerFixture worker) : IAsyncLifetime
{
    private const string TenantName = "Parity platform";

    private TakedownFnFactory _standalone = null!;
    private IReadOnlyDictionary<string, string> _standaloneKeys = null!;
    private IReadOnlyDictionary<string, string> _workerKeys = null!;

    public static TheoryData<string, string, string, string, string?, int> Requests() => new()
    {
        // function, method, path and query, key (a role, "none" or "malformed"), body, expected status
        { "Health", "GET", "/api/health", "none", null, 200 },
        { "ListCases", "GET", "/api/cases", "none", null, 401 },
        { "ListCases", "GET", "/api/cases", "malformed", null, 401 },
        { "SubmitNotice", "POST", "/api/notices", "officer", SampleNotices.Doxxing().ToJsonString(), 403 },
        { "CreateTenant", "POST", "/api/tenants", "platform", "{\"name\":\"x\"}", 403 },
        { "GetLedgerCheckpoint", "GET", "/api/ledger/checkpoint", "platform", null, 403 },
        { "SubmitNotice", "POST", "/api/notices", "platform", "{}", 400 },
        { "SubmitNotice", "POST", "/api/notices", "platform", "{\"regime\":", 400 },
        { "ListCases", "GET", "/api/cases?pageSize=abc&from=yesterday", "officer", null, 400 },
        { "ListCases", "GET", "/api/cases?pageSize=0", "officer", null, 400 },
        { "GetAtRisk", "GET", "/api/sla/at-risk?within=P1Y", "officer", null, 400 },
        { "SubmitNotice", "POST", "/api/notices", "platform", SampleNotices.Doxxing("parity-ref").ToJsonString(), 202 },
        { "GetCase", "GET", "/api/cases/no-such-case", "officer", null, 404 },
        { "IssueKey", "POST", "/api/tenants/no-such-tenant/keys", "admin", "{\"role\":\"platform\"}", 404 },
        { "GetAtRisk", "GET", "/api/sla/at-risk", "officer", null, 200 },
        { "GetLedgerCheckpoint", "GET", "/api/ledger/checkpoint", "auditor", null, 404 },
        { "GetCaseEvidence", "GET", "/api/cases/no-such-case/evidence", "platform", null, 403 },
        { "GetCaseEvidence", "GET", "/api/cases/no-such-case/evidence?format=xml", "auditor", null, 400 },
        { "GetCaseEvidence", "GET", "/api/cases/no-such-case/evidence", "auditor", null, 404 },
    };

    public async Task InitializeAsync()
    {
        _standalone = new TakedownFnFactory(worker.Azurite);
        await _standalone.WaitUntilReadyAsync();
        _standaloneKeys = await KeysAsync(_standalone.Services);
        _workerKeys = await KeysAsync(worker.Services);
    }

    public async Task DisposeAsync() => await _standalone.DisposeAsync();

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task HttpFunction_SameRequest_AnswersAsTheStandaloneEndpoint(string function, string method, string path, string key, string? body, int expectedStatus)
    {
        var standaloneAnswer = await SendToStandaloneAsync(method, path, KeyFor(_standaloneKeys, key), body);
        var workerAnswer = await worker.InvokeHttpAsync(function, method, path, KeyFor(_workerKeys, key), body);
        var standalone = standaloneAnswer.Normalized(Ids(_standaloneKeys, standaloneAnswer), _standalone.StoragePrefix);
        var fromWorker = workerAnswer.Normalized(Ids(_workerKeys, workerAnswer));

        Assert.Equal(expectedStatus, standalone.Status);
        Assert.Equal(standalone, fromWorker);
    }

    private async Task<HttpAnswer> SendToStandaloneAsync(string method, string path, string? key, string? body)
    {
        using var client = _standalone.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add(ApiKeys.HeaderName, key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await client.SendAsync(request);
        return new HttpAnswer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.Location?.ToString(),
            await response.Content.ReadAsStringAsync());
    }

    private static string? KeyFor(IReadOnlyDictionary<string, string> keys, string key) => key switch
    {
        "none" => null,
        "malformed" => "not-an-api-key",
        _ => keys[key],
    };

    /// <summary>The ids each deployment generates: its tenant's, and the case an answer points to.</summary>
    private static Dictionary<string, string> Ids(IReadOnlyDictionary<string, string> keys, HttpAnswer answer)
    {
        var ids = new Dictionary<string, string> { [keys["tenant"]] = "{tenant}" };
        if (answer.Location?.StartsWith("/api/cases/", StringComparison.Ordinal) == true)
        {
            ids[answer.Location["/api/cases/".Length..]] = "{case}";
        }

        return ids;
    }

    private static async Task<IReadOnlyDictionary<string, string>> KeysAsync(IServiceProvider services)
    {
        var admin = services.GetRequiredService<TenantAdministration>();
        var tenant = await admin.CreateTenantAsync(TenantName, CancellationToken.None);
        var keys = new Dictionary<string, string> { ["tenant"] = tenant.TenantId, ["admin"] = (await admin.IssueKeyAsync(null, Role.Admin, CancellationToken.None)).Key };
        foreach (var role in new[] { Role.Platform, Role.Officer, Role.Auditor })
        {
            keys[role.Name()] = (await admin.IssueKeyAsync(tenant.TenantId, role, CancellationToken.None)).Key;
        }

        return keys;
    }
}
