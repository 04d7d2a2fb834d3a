using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests;

/// <summary>
/// A test class with its own app (on the shared Azurite) and one tenant with a client per role,
/// and the submissions most tests start from.
/// </summary>
public abstract class TenantTestBase(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? settings = null) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    protected TakedownFnFactory App { get; private set; } = null!;

    protected TestTenant Tenant { get; private set; } = null!;

    /// <summary>A client with a service admin key (manages tenants, their SLA overrides and webhooks).</summary>
    protected HttpClient Admin { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        App = new TakedownFnFactory(azurite.Server, settings);
        Tenant = await App.CreateTenantAsync();
        Admin = await App.AdminClientAsync();
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Submits a notice (a fresh DMCA one by default) and returns its case id.</summary>
    protected async Task<string> SubmitAsync(System.Text.Json.Nodes.JsonObject? notice = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notices") { Content = SampleNotices.Json(notice ?? SampleNotices.Dmca()) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await Tenant.Platform.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    /// <summary>How many cases the tenant has (up to 200).</summary>
    protected async Task<int> CountCasesAsync() =>
        (await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=200")).GetProperty("cases").GetArrayLength();

    /// <summary>Waits until the case has been triaged and returns it.</summary>
    protected async Task<JsonElement> TriagedAsync(string caseId)
    {
        var view = await Eventually.GetJsonAsync(Tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
        return view;
    }
}
