using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Sla;

/// <summary>Shared steps of the SLA tests: tighten a tenant's deadlines to seconds, submit, read the case.</summary>
internal static class SlaTestSupport
{
    /// <summary>Stores a DMCA override for the tenant: <c>act</c> in <paramref name="length"/> <paramref name="unit"/>.</summary>
    public static async Task SetActLengthAsync(HttpClient admin, string tenantId, int length, string unit = "seconds", int version = 1)
    {
        var document = new JsonObject
        {
            ["tenant"] = tenantId,
            ["version"] = version,
            ["rules"] = new JsonArray(new JsonObject { ["regime"] = "us-dmca", ["category"] = "*", ["stage"] = "act", ["length"] = length, ["unit"] = unit }),
        };
        var response = await admin.PutAsync(new Uri($"/api/tenants/{tenantId}/sla-override", UriKind.Relative), SampleNotices.Json(document));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Submits a DMCA notice received at <paramref name="receivedAt"/> (default: now, so that
    /// deadlines of seconds run from about now) and waits until it is triaged; returns the case id.
    /// </summary>
    public static async Task<string> TriagedCaseAsync(TestTenant tenant, DateTimeOffset? receivedAt = null)
    {
        var notice = SampleNotices.Dmca();
        notice["receivedAt"] = (receivedAt ?? DateTimeOffset.UtcNow).ToString("O");
        var response = await tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(notice));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var view = await Eventually.GetJsonAsync(tenant.Officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
        return caseId;
    }

    /// <summary>The case's steps of one kind.</summary>
    public static IReadOnlyList<JsonElement> Steps(JsonElement view, string kind) =>
        view.GetProperty("timeline").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == kind).ToList();

    public static JsonElement Stage(JsonElement view, string stage) =>
        view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == stage);

    /// <summary>Polls the case until it has a step of <paramref name="kind"/>.</summary>
    public static Task<JsonElement> WaitForStepAsync(HttpClient client, string caseId, string kind, TimeSpan? timeout = null) =>
        Eventually.GetJsonAsync(client, $"/api/cases/{caseId}", c => Steps(c, kind).Count > 0, timeout ?? TimeSpan.FromSeconds(30));

    public static async Task RecordStepAsync(HttpClient platform, string caseId, JsonObject step)
    {
        step["occurredAt"] ??= DateTimeOffset.UtcNow.ToString("O");
        var response = await platform.PostAsync(new Uri($"/api/cases/{caseId}/steps", UriKind.Relative), SampleNotices.Json(step));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
