using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownFn.Testing;
using static TakedownFn.Tests.Evidence.EvidenceTestSupport;

namespace TakedownFn.Tests.Cases;

/// <summary>
/// A stage's margin reads the same in the case list (<c>GET /api/cases</c>, from the row's
/// snapshot) as in the case view (<c>GET /api/cases/{id}</c>, judged from the steps); for
/// preservation it is how much longer the evidence is kept than the policy requires.
/// </summary>
public sealed class StageMarginTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Fact]
    public async Task CaseList_EvidencePreservedFor400Days_StatesTheCaseViewsMargins()
    {
        var caseId = await SubmitAsync();
        await TriagedAsync(caseId);
        await RecordAsync(Tenant.Platform, caseId, Step("content-removed"));
        await RecordAsync(Tenant.Platform, caseId, new JsonObject
        {
            ["kind"] = "evidence-preserved",
            ["evidence"] = new JsonObject { ["contentHash"] = new string('b', 64), ["snapshotLocation"] = "vault://snap/2", ["retentionDays"] = 400 },
        });

        var view = await Tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var listed = (await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=10")).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == caseId);

        var viewed = Settled(view);
        Assert.Equal(["act", "preservation"], viewed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(viewed, Settled(listed));
        var preservation = view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("stage").GetString() == "preservation");
        var retainedUntil = preservation.GetProperty("completedAt").GetDateTimeOffset().AddDays(400);
        Assert.Equal(retainedUntil - preservation.GetProperty("dueAt").GetDateTimeOffset(), viewed["preservation"]);
    }

    /// <summary>The margins of the stages that completed (an open stage's margin runs with the clock), by stage.</summary>
    private static Dictionary<string, TimeSpan?> Settled(JsonElement caseJson) =>
        caseJson.GetProperty("deadlines").EnumerateArray()
            .Where(d => d.TryGetProperty("completedAt", out var done) && done.ValueKind != JsonValueKind.Null)
            .ToDictionary(
                d => d.GetProperty("stage").GetString()!,
                d => d.GetProperty("margin").GetString() is { } m ? TimeSpan.Parse(m, CultureInfo.InvariantCulture) : (TimeSpan?)null);
}
